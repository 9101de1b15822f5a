using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Tests.Support;

/// <summary>
/// What a disk, a copy by hand or a killed process can do to the files of a scan directory, for the resume and check
/// tests: truncate, flip a byte, swap, copy one file over another, leave an interrupted write's temporary file, or
/// rewrite a file as an older version did (without the row range and checksum in its metadata).
/// </summary>
internal static class ScanDamage
{
    public static void Truncate(string file, Random random)
    {
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..random.Next(0, bytes.Length)]);
    }

    public static void FlipByte(string file, Random random)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
        File.WriteAllBytes(file, bytes);
    }

    public static void Swap(string a, string b)
    {
        string aside = a + ".swap";
        File.Move(a, aside);
        File.Move(b, a);
        File.Move(aside, b);
    }

    public static void CopyOver(string from, string to) => File.Copy(from, to, overwrite: true);

    /// <summary>A temporary file as AtomicFile names it, holding the first bytes of what it was writing (or none).</summary>
    public static string LeaveTemp(string target, Random random)
    {
        string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var bytes = File.Exists(target) ? File.ReadAllBytes(target) : new byte[64];
        File.WriteAllBytes(temp, bytes[..random.Next(0, bytes.Length)]);
        return temp;
    }

    /// <summary>Rewrites <paramref name="file"/> with the same rows but without the row range and checksum keys.</summary>
    public static void StripProof(string file)
    {
        var (table, metadata) = ScanParquet.Read(file);
        var old = metadata.Where(kv => kv.Key is not (ScanFileProof.FirstRowKey or ScanFileProof.RowCountKey or ScanFileProof.ChecksumKey))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        ScanParquet.Write(file, table, old);
    }
}
