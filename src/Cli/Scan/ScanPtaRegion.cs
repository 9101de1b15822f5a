using System.Globalization;
using FastAttractors.Training;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// The PTA region (<see cref="PtaRegion"/>) of a scan result: the zero-exponent cells of a rotation-block scan, read
/// from a scan output directory (all shard files of a complete dataset, checked by <see cref="ScanCheck"/>), one
/// Parquet file (a shard file or the merged file), or a CSV file (alpha, theta, lambda1; <see cref="PtaRegion.FromScan"/>,
/// whose family cannot be checked). A cell is a row with status ok and |λ1| &lt; tolerance, so a point counts once per
/// member that found a zero exponent there (points where only some initial states reach the invariant circle are drawn
/// less often). The cell half widths are half the grid spacing of the spec stored in the file's metadata.
/// Errors are <see cref="UsageException"/>s that start with <c>label</c> (the flag or spec field).
/// </summary>
internal static class ScanPtaRegion
{
    /// <summary>What a PTA region is for: the scan family whose dynamics the network's blocks follow.</summary>
    public const string MapFamily = "rotation-map";

    public const string FlowFamily = "rotation-flow";

    public const double DefaultTolerance = 1e-3;

    public static PtaRegion Read(string path, string family, double tolerance, string label, string purpose)
    {
        if (!(tolerance > 0 && double.IsFinite(tolerance)))
            throw new UsageException($"{label}: the zero-exponent tolerance must be positive and finite, got {tolerance.ToString("R", CultureInfo.InvariantCulture)}.");
        if (Directory.Exists(path))
            return FromTables(FromDirectory(path, label), path, family, tolerance, label, purpose);
        if (!File.Exists(path))
            throw new UsageException($"{label}: '{path}' does not exist.");
        if (!IsParquet(path))
        {
            try
            {
                return PtaRegion.FromScan(path, tolerance);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"{label}: {FirstLine(e.Message)} (expected a scan directory, a scan Parquet file or a CSV with alpha, theta, lambda1).");
            }
        }
        return FromTables(FromFile(path, label), path, family, tolerance, label, purpose);
    }

    /// <summary>The shard tables of a complete scan directory; an incomplete one is refused with ScanCheck's problems.</summary>
    private static (ScanJob Plan, IReadOnlyList<ScanTable> Tables) FromDirectory(string dir, string label)
    {
        if (!File.Exists(Path.Combine(dir, ScanDirectory.SpecFile)))
            throw new UsageException($"{label}: '{dir}' has no {ScanDirectory.SpecFile}, so it is not a scan output directory (pass the directory `scan --out` wrote, or one of its .parquet files).");
        ScanCheck check;
        try
        {
            check = ScanCheck.Inspect(dir, null);
        }
        catch (UsageException e)
        {
            throw new UsageException($"{label}: '{dir}': {e.Message}");
        }
        if (!check.IsComplete)
            throw new UsageException($"{label}: '{dir}' is not a complete scan ({string.Join("; ", check.Problems)}); finish it (fastattractors check DIR lists what is missing).");
        return (check.Plan, [.. check.Complete.Select(f => ReadTable(f, label).Table)]);
    }

    /// <summary>One shard file or the merged file; its row count must be what its metadata says it holds.</summary>
    private static (ScanJob Plan, IReadOnlyList<ScanTable> Tables) FromFile(string path, string label)
    {
        var (table, metadata) = ReadTable(path, label);
        if (!metadata.TryGetValue("fastattractors.scan.spec", out var json) || ScanSpecWriter.Hash(json) != metadata[ScanParquet.HashKey])
            throw new UsageException($"{label}: '{path}' has no scan spec matching its spec hash in its metadata: not a complete scan file.");
        ScanJob plan;
        try
        {
            plan = ScanJob.Create(ScanSpecReader.Parse(json, $"{path} (metadata)"));
        }
        catch (UsageException e)
        {
            throw new UsageException($"{label}: '{path}': its scan spec is not valid: {e.Message}");
        }
        if (!int.TryParse(metadata.GetValueOrDefault("shard_index", "0"), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(metadata.GetValueOrDefault("shard_count", "1"), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index >= count)
            throw new UsageException($"{label}: '{path}': its metadata names no valid shard (shard_index, shard_count).");
        var (start, end) = count == 1 ? (0L, plan.Grid.Rows) : plan.Grid.ShardRows(index, count);
        if (metadata.ContainsKey("chunk") || table.Rows != end - start)
            throw new UsageException($"{label}: '{path}' is incomplete: {table.Rows} of the {end - start} rows of "
                + (count == 1 ? "the scan" : string.Create(CultureInfo.InvariantCulture, $"shard {index}/{count}")) + " (a chunk of a running shard?).");
        return (plan, [table]);
    }

    private static (ScanTable Table, IReadOnlyDictionary<string, string> Metadata) ReadTable(string path, string label)
    {
        try
        {
            return ScanParquet.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{label}: {e.Message}");
        }
    }

    private static PtaRegion FromTables((ScanJob Plan, IReadOnlyList<ScanTable> Tables) scan, string path, string family, double tolerance, string label, string purpose)
    {
        var plan = scan.Plan;
        if (plan.Family != family)
        {
            string why = plan.Grid.IsRotation ? $"{family} is the one {purpose} follows" : $"it has no alpha/theta axes; {purpose} needs a {family} scan";
            throw new UsageException($"{label}: '{path}' is a {plan.Family} scan, not {family} ({why}).");
        }
        int a = IndexOf(plan, "alpha"), t = IndexOf(plan, "theta");
        var cells = new List<(double Alpha, double Theta)>();
        long rows = 0;
        foreach (var table in scan.Tables)
        {
            var (alpha, theta) = ((double[])table["alpha"], (double[])table["theta"]);
            var (lambda, status) = ((double[])table["lambda_1"], (string[])table["status"]);
            for (int r = 0; r < lambda.Length; r++)
            {
                if (status[r] == "ok" && Math.Abs(lambda[r]) < tolerance)
                    cells.Add((alpha[r], theta[r]));
            }
            rows += table.Rows;
        }
        if (cells.Count == 0)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{label}: '{path}': none of its {rows} rows has status ok and |lambda_1| < {tolerance}: the zero-exponent region is empty (a larger tolerance, or a longer scan?)."));
        return new PtaRegion(cells, Spacing(plan.Grid.Axes[a]) / 2, Spacing(plan.Grid.Axes[t]) / 2);
    }

    /// <summary>
    /// The grid step of an axis: (stop − start)/(count − 1) for linspace; for logspace and list the smallest gap
    /// between neighbouring values, so that no cell reaches past its neighbour; 0 for a single value.
    /// </summary>
    internal static double Spacing(ScanAxis axis)
    {
        if (axis.Count < 2)
            return 0;
        if (axis.Kind == ScanAxisKind.Linspace)
            return Math.Abs(axis.Arguments[1] - axis.Arguments[0]) / (axis.Count - 1);
        var values = axis.Values().Distinct().Order().ToArray();
        return values.Length < 2 ? 0 : values.Zip(values.Skip(1), (x, y) => y - x).Min();
    }

    private static int IndexOf(ScanJob plan, string axis)
    {
        int at = plan.Grid.AxisIndex(axis);
        return at >= 0 ? at : throw new InvalidOperationException($"a rotation scan without the axis '{axis}'.");
    }

    /// <summary>Parquet files begin with the magic bytes PAR1; anything else is read as CSV.</summary>
    private static bool IsParquet(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    private static string FirstLine(string message)
    {
        string line = message.Split('\n')[0];
        int paren = line.LastIndexOf(" (Parameter", StringComparison.Ordinal);
        return paren > 0 ? line[..paren] : line;
    }
}
