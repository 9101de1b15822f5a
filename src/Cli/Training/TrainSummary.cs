using System.Globalization;
using System.Text;
using FastAttractors.Cli.Output;
using ScottPlot;

namespace FastAttractors.Cli.Training;

/// <summary>
/// <c>train summary --runs DIR</c>: gathers DIR/*/train.parquet (one finished run each), groups the runs by initialisation and
/// writes summary.md (final test loss and accuracy: mean ± standard deviation over seeds, each seed's value, and the
/// leading exponent before/after) and loss-curves.png (test loss of every run against step, one colour per group).
/// </summary>
internal static class TrainSummary
{
    public static IReadOnlyList<string> Write(string runs, string directory)
    {
        if (!Directory.Exists(runs))
            throw new UsageException($"--runs: directory '{runs}' does not exist.");
        var logs = Directory.GetDirectories(runs).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "train.parquet")))
            .Select(d => (Name: Path.GetFileName(d), Log: TrainLogReader.Read(Path.Combine(d, "train.parquet"))))
            .Where(l => l.Log.Metadata.ContainsKey("status"))   // finished runs only (a running one has no status yet)
            .ToArray();
        if (logs.Length == 0)
            throw new UsageException($"--runs: no finished run ('*/train.parquet' with a status) under '{runs}'.");
        var groups = logs.GroupBy(l => l.Log.Metadata.GetValueOrDefault("init", "?")).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var md = new StringBuilder();
        md.AppendLine("| init | runs | final test loss (mean ± sd) | per seed | test accuracy | λ1 before → after (mean) | updates |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var g in groups)
        {
            var finals = g.Select(l => l.Log.Rows[^1]).ToArray();
            var loss = finals.Select(r => r.TestLoss).ToArray();
            var accuracy = finals.Select(r => r.TestAccuracy).ToArray();
            string perSeed = string.Join(", ", loss.Select(v => F(v, "0.###e+0")));
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Key} | {finals.Length} | {F(Mean(loss), "0.###e+0")} ± {F(Sd(loss), "0.##e+0")} | {perSeed} | {F(Mean(accuracy), "0.000")} ± {F(Sd(accuracy), "0.000")} | {F(Mean(g.Select(l => Lead(l.Log.Metadata, "spectrum_before")).ToArray()), "0.0000")} → {F(Mean(g.Select(l => Lead(l.Log.Metadata, "spectrum_after")).ToArray()), "0.0000")} | {string.Join("/", finals.Select(r => r.Step).Distinct())} |"));
        }
        Directory.CreateDirectory(directory);
        string table = Path.Combine(directory, "summary.md");
        AtomicFile.WriteText(table, md.ToString());
        string png = Path.Combine(directory, "loss-curves.png");
        var bytes = Plot(groups.Select(g => (g.Key, g.Select(l => l.Log.Rows).ToArray())).ToArray(), logs[0].Log.Metadata);
        AtomicFile.Write(png, s => s.Write(bytes));
        return [table, png];
    }

    private static byte[] Plot((string Init, IReadOnlyList<FastAttractors.Training.RnnEvaluation>[] Runs)[] groups, IReadOnlyDictionary<string, string> meta)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < groups.Length; i++)
        {
            var color = palette.GetColor(i);
            bool first = true;
            foreach (var rows in groups[i].Runs)
            {
                var kept = rows.Where(r => double.IsFinite(r.TestLoss) && r.TestLoss > 0).ToArray();
                var line = plot.Add.Scatter(kept.Select(r => (double)r.Step).ToArray(), kept.Select(r => Math.Log10(r.TestLoss)).ToArray());
                line.Color = color;
                line.MarkerSize = 0;
                line.LineWidth = 1.5f;
                if (first)
                    line.LegendText = groups[i].Init;
                first = false;
            }
        }
        plot.XLabel("training step (updates of 64 sequences)");
        plot.YLabel("log₁₀ test cross-entropy");
        plot.Title($"{meta.GetValueOrDefault("task", "?")} (T = {meta.GetValueOrDefault("steps_per_sequence", "?")}), n = {meta.GetValueOrDefault("hidden", "?")}: one line per seed");
        plot.ShowLegend(Edge.Right); // beside the curves, never over them
        return plot.GetImageBytes(900, 560, ImageFormat.Png);
    }

    private static double Lead(IReadOnlyDictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var s) && s.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
            ? double.Parse(first, CultureInfo.InvariantCulture)
            : double.NaN;

    private static double Mean(double[] v) => v.Length == 0 ? double.NaN : v.Average();
    private static double Sd(double[] v) => v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1));
    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
