namespace FastAttractors.Cli.Scan;

/// <summary>
/// Temporary files that <see cref="Output.AtomicFile"/> leaves behind when its process is killed mid-write
/// (<c>.TARGET.GUID.tmp</c> beside TARGET): found for <c>check</c>, removed by the run that owns TARGET. Only the
/// owner removes them, because in a shared directory another shard's write may be in flight.
/// </summary>
internal static class ScanTempFiles
{
    /// <summary>The name of the file a temporary file was to become, or null for a name that is not a temporary file.</summary>
    public static string? TargetOf(string path)
    {
        string name = Path.GetFileName(path);
        if (name.Length < 6 || name[0] != '.' || !name.EndsWith(".tmp", StringComparison.Ordinal))
            return null;
        string inner = name[1..^4];
        int dot = inner.LastIndexOf('.');
        return dot > 0 ? inner[..dot] : inner;
    }

    /// <summary>Every temporary file under <paramref name="dir"/> (the dataset, .parts/ and merged/), in name order.</summary>
    public static IReadOnlyList<string> Find(string dir) =>
        [.. Directory.EnumerateFiles(dir, "*.tmp", SearchOption.AllDirectories).Where(f => TargetOf(f) is not null).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Deletes the temporary files directly in <paramref name="folder"/> whose target <paramref name="owned"/> accepts,
    /// one line on <paramref name="log"/> each.
    /// </summary>
    public static void Remove(string folder, Func<string, bool> owned, TextWriter log)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp").Order(StringComparer.Ordinal).ToList())
        {
            if (TargetOf(file) is not { } target || !owned(target))
                continue;
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RuntimeFailure($"'{file}' is a temporary file left by an interrupted write and cannot be deleted ({e.Message}): delete it by hand.");
            }
            log.WriteLine($"removed '{file}': a temporary file left by an interrupted write");
        }
    }
}
