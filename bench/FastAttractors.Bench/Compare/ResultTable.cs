using System.Globalization;

namespace FastAttractors.Bench.Compare;

/// <summary>The comparison as one markdown table (printed as it is written to the file).</summary>
internal static class ResultTable
{
    private static readonly string[] Header =
        ["workload", "runner", "members", "median s", "member-steps/s", "GFLOP/s", "% peak", "% peak excl. tanh", "ratio to peers", "note"];

    public static string Render(IReadOnlyList<CompareRow> rows, MachinePeak peak)
    {
        var cells = new List<string[]> { Header };
        foreach (var row in rows)
            cells.Add(Cells(row, rows, peak));
        return MarkdownTable.Render(cells);
    }

    private static string[] Cells(CompareRow row, IReadOnlyList<CompareRow> all, MachinePeak peak)
    {
        if (!row.Measured)
            return [row.Workload.Id, row.Runner, row.Members > 0 ? Int(row.Members) : "", "", "", "", "", "", "", row.Note];
        string ratios = row.IsPeer ? "" : string.Join(", ", all
            .Where(p => p.IsPeer && p.Measured && p.Workload == row.Workload)
            .Select(p => F($"{row.Rate / p.Rate:F2}× {p.Runner}")));
        if (!row.IsPeer && ratios.Length == 0)
            ratios = row.Workload.NoPeerReason is null ? "no peer measured" : "no peer";
        string pct = row.IsGpu ? "n/a (GPU)" : F($"{100 * row.Gflops / peak.PeakFloat32Gflops:F1}");
        string pctNoTanh = row.IsGpu ? "n/a (GPU)" : F($"{100 * row.GflopsNoTanh / peak.PeakFloat32Gflops:F1}");
        return [row.Workload.Id, row.Runner, Int(row.Members), F($"{row.Seconds:F4}"), Sci(row.Rate), F($"{row.Gflops:F2}"), pct, pctNoTanh, ratios, row.Note];
    }

    /// <summary>1.234e8 style: three decimals, short exponent.</summary>
    public static string Sci(double v)
    {
        if (v == 0 || !double.IsFinite(v))
            return v.ToString(CultureInfo.InvariantCulture);
        int e = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        double m = v / Math.Pow(10, e);
        if (Math.Abs(m) >= 9.9995)
        {
            m /= 10;
            e++;
        }
        return F($"{m:F3}e{e}");
    }

    private static string Int(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
