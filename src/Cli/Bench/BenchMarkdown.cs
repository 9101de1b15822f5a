using System.Globalization;
using System.Text;
using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>The bench table as Markdown (bench.md, and what the command prints): one row per workload and backend, then how to read it.</summary>
internal static class BenchMarkdown
{
    public static readonly string[] Header =
    [
        "workload", "backend", "status", "members (ran)", "warm-up s", "median s", "s for all", "throughput /s", "unit",
        "× Simd", "× Reference", "GFLOP/s", "% peak", "max dev. vs Reference", "note",
    ];

    public static string Render(BenchReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(F($"# fastattractors bench --size {report.Size.ToString().ToLowerInvariant()}"));
        sb.AppendLine();
        sb.AppendLine(F($"{report.StartedUtc:yyyy-MM-dd HH:mm} UTC; FastAttractors {BenchReport.FastAttractorsVersion}, {BenchReport.Runtime}, ILGPU {BenchReport.IlgpuVersion}, {BenchReport.OperatingSystem}."));
        sb.AppendLine(BenchReport.Machine);
        sb.AppendLine(F($"Machine load: {report.LoadBefore} before, {report.LoadAfter} after (a shared machine makes every time noisy)."));
        sb.AppendLine();
        sb.AppendLine("Devices:");
        foreach (var d in report.Devices)
            sb.AppendLine(F($"- {d.Backend}: {d.Name} ({d.Version})"));
        sb.AppendLine();
        sb.AppendLine("Peaks (float32):");
        foreach (var formula in report.Devices.Select(d => d.Peak.Formula).Distinct())
            sb.AppendLine($"- {formula}");
        sb.AppendLine();
        sb.Append(Table(report.Rows));
        sb.AppendLine();
        sb.AppendLine(F($"Each row: the problem is built untimed; one warm-up call (JIT, kernel compilation) is timed on its own and excluded; then the median of {report.Runs} timed calls, end to end (packing, run, unpacking). Throughput = work / median."));
        sb.AppendLine("Reference (scalar float64) and IlgpuCpu run a subsample of the members (\"ran\"): their throughput is measured on it, and \"s for all\" extrapolates it to all members at that throughput; it is not a measured time.");
        sb.AppendLine(F($"Cross-check: each backend's first members (the number in brackets) against Reference's answer for the same members: {CrossCheck.Measure}. Tolerances:"));
        foreach (var c in report.Rows.Select(r => r.Case).Distinct())
            sb.AppendLine($"- {c.ToleranceReason}");
        sb.AppendLine("Flops per unit (an FMA counts 2, a tanh 20; derived in src/Workloads/FlopCount.cs):");
        foreach (var c in report.Rows.Select(r => r.Case).Distinct())
            sb.AppendLine(c.FlopsPerUnit is { } f ? F($"- {c.Id}: {f:0} per {Singular(c.Unit)}") : $"- {c.Id}: no flop count ({c.NoFlopCountReason}); % peak n/a");
        return sb.ToString();
    }

    public static string Table(IReadOnlyList<BenchRow> rows)
    {
        var cells = new List<string[]> { Header };
        cells.AddRange(rows.Select(Cells));
        return MarkdownTable.Render(cells);
    }

    public static string[] Cells(BenchRow row)
    {
        string members = row.Scale.Extrapolated ? F($"{row.Scale.Members:N0} ({row.Scale.Ran:N0})") : F($"{row.Scale.Members:N0}");
        string status = row.Status.ToString().ToLowerInvariant();
        if (!row.Timed)
            return [row.Case.Id, row.Backend.ToString(), status, members, Seconds(row.WarmupSeconds), "", "", "", row.Case.Unit, "", "", "", "", "", row.Note];
        string allSeconds = row.Scale.Extrapolated ? "≈ " + Seconds(row.FullSeconds) : Seconds(row.FullSeconds);
        string deviation = double.IsNaN(row.Deviation) ? "not checked" : F($"{Sci(row.Deviation)} ({row.CheckedMembers})");
        return
        [
            row.Case.Id, row.Backend.ToString(), status, members, Seconds(row.WarmupSeconds), Seconds(row.Seconds), allSeconds,
            Sci(row.Throughput), row.Case.Unit, Ratio(row.SpeedupOverSimd), Ratio(row.SpeedupOverReference),
            double.IsNaN(row.Gflops) ? "n/a" : F($"{row.Gflops:0.00}"),
            double.IsNaN(row.FractionOfPeak) ? "n/a" : F($"{100 * row.FractionOfPeak:0.0}"),
            deviation, row.Note,
        ];
    }

    /// <summary>1.234e8 style: four significant digits, a short exponent; 0 as "0".</summary>
    public static string Sci(double v)
    {
        if (v == 0)
            return "0";
        if (!double.IsFinite(v))
            return v.ToString(CultureInfo.InvariantCulture);
        int e = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        double m = v / Math.Pow(10, e);
        if (Math.Abs(m) >= 9.9995)
        {
            m /= 10;
            e++;
        }
        return F($"{m:0.000}e{e}");
    }

    private static string Ratio(double r) => double.IsFinite(r) ? F($"{r:0.00}×") : "";

    private static string Seconds(double s) => double.IsFinite(s) ? F($"{s:0.0000}") : "";

    private static string Singular(string unit) => unit.EndsWith('s') ? unit[..^1] : unit;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
