using System.Globalization;
using System.Text;

namespace FastAttractors.Cli.Input;

/// <summary>
/// Reads a text file the user names (a spec), refusing one larger than a spec can sensibly be before reading it all:
/// <c>--spec /dev/zero</c> or a multi-gigabyte file by mistake would otherwise grow the process without bound.
/// </summary>
internal static class BoundedText
{
    /// <summary>The largest spec file read: 1 MiB, far above any real spec (a few hundred bytes to a few kB).</summary>
    public const int MaxSpecBytes = 1 << 20;

    /// <summary>The file's UTF-8 text; throws <see cref="UsageException"/> naming <paramref name="flag"/> when unreadable or too large.</summary>
    public static string Read(string path, string flag, int maxBytes = MaxSpecBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[maxBytes + 1];
            int total = 0, read;
            // Streams such as /dev/zero or a pipe report no length: read at most one byte past the limit.
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
                total += read;
            if (total > maxBytes)
                throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                    $"{flag}: '{Excerpt.Of(path)}' is larger than {maxBytes:N0} bytes; a spec is a small JSON file, so this is not one."));
            return new UTF8Encoding(false, true).GetString(buffer, 0, total).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException($"{flag}: '{Excerpt.Of(path)}' is not UTF-8 text, so it is not a JSON spec.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{flag}: cannot read '{Excerpt.Of(path)}': {Excerpt.Of(e.Message, 200)}");
        }
    }
}
