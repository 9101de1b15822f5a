using ScottPlot;

namespace FastAttractors.Cli.Training;

/// <summary>Loss against training step on a log₁₀ axis (losses span 2 → 10⁻⁴ on copy memory), one line per series.</summary>
internal static class LossCurvePlot
{
    private const int Width = 900, Height = 560;

    public static byte[] Render(IReadOnlyList<(string Label, (long Step, double Loss)[] Points)> series, string title, string lossName)
    {
        var plot = new Plot();
        foreach (var (label, points) in series)
        {
            var kept = points.Where(p => double.IsFinite(p.Loss) && p.Loss > 0).ToArray();
            if (kept.Length == 0)
                continue;
            var line = plot.Add.Scatter(kept.Select(p => (double)p.Step).ToArray(), kept.Select(p => Math.Log10(p.Loss)).ToArray());
            line.LegendText = label;
            line.MarkerSize = 3;
        }
        plot.XLabel("training step (updates)");
        plot.YLabel($"log₁₀ {lossName}");
        plot.Title(title);
        plot.ShowLegend(Edge.Right); // beside the curves, never over them
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
