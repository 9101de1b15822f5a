using System.Globalization;
using System.Text.RegularExpressions;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// The layout of a scan's output directory, which is the dataset (readers take <c>DIR/*.parquet</c>):
/// <c>spec.json</c> (the resolved spec; its hash names the dataset), <c>scan-IIII-of-NNNN.parquet</c> (one per shard,
/// written once complete), <c>.parts/IIII-of-NNNN/chunk-CCCCCCC.parquet</c> (completed chunks of a running shard,
/// what <c>--resume</c> continues from), <c>heatmap.png</c>, and <c>merged/</c> (the output of <c>merge</c>).
/// </summary>
internal static partial class ScanDirectory
{
    public const string SpecFile = "spec.json";

    public static string ShardFile(string dir, int index, int count) =>
        Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"scan-{index:D4}-of-{count:D4}.parquet"));

    public static string PartsFolder(string dir, int index, int count) =>
        Path.Combine(dir, ".parts", string.Create(CultureInfo.InvariantCulture, $"{index:D4}-of-{count:D4}"));

    public static string ChunkFile(string parts, int chunk) =>
        Path.Combine(parts, string.Create(CultureInfo.InvariantCulture, $"chunk-{chunk:D7}.parquet"));

    /// <summary>(index, count) of a shard file name, or null for any other name (digits out of int range included).</summary>
    public static (int Index, int Count)? ParseShardName(string path)
    {
        var match = ShardName().Match(Path.GetFileName(path));
        return match.Success && Number(match.Groups[1].Value) is { } index && Number(match.Groups[2].Value) is { } count ? (index, count) : null;
    }

    /// <summary>Chunk index of a completed chunk file, or null for other names (temporary files of a killed write, digits out of int range).</summary>
    public static int? ParseChunkName(string path)
    {
        var match = ChunkName().Match(Path.GetFileName(path));
        return match.Success ? Number(match.Groups[1].Value) : null;
    }

    // Digits beyond int range (scan-99999999999-of-0001.parquet) make a name that is not one of ours, not a crash.
    private static int? Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    /// <summary>
    /// Writes spec.json, or checks that the one there is this spec: shards of different scans never share a directory.
    /// </summary>
    public static void ClaimFor(string dir, ScanJob plan)
    {
        string path = Path.Combine(dir, SpecFile);
        if (!File.Exists(path))
        {
            AtomicFile.WriteText(path, plan.CanonicalJson);
            return;
        }
        string existing = ScanSpecWriter.Hash(File.ReadAllText(path));
        if (existing != plan.Hash)
            throw new UsageException($"--out: '{dir}' holds another scan (spec hash {existing} in {SpecFile}; this spec hashes to {plan.Hash}): "
                + $"use another --out, or continue that scan with --spec {path}.");
    }

    /// <summary>The plan of the scan in <paramref name="dir"/> (from its spec.json).</summary>
    public static ScanJob PlanOf(string dir)
    {
        string path = Path.Combine(dir, SpecFile);
        if (!Directory.Exists(dir))
            throw new RuntimeFailure($"DIR: '{dir}' does not exist.");
        if (!File.Exists(path))
            throw new RuntimeFailure($"DIR: '{dir}' has no {SpecFile}, so it is not a scan output directory.");
        return ScanJob.Create(ScanSpecReader.Parse(File.ReadAllText(path), path));
    }

    [GeneratedRegex(@"^scan-(\d{4,})-of-(\d{4,})\.parquet$")]
    private static partial Regex ShardName();

    [GeneratedRegex(@"^chunk-(\d{7,})\.parquet$")]
    private static partial Regex ChunkName();
}
