using FastAttractors.Cli.Sequence;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>Success rate (all recall trials of all networks at a point) against the swept quantity, one line per variant.</summary>
internal static class SuccessRatePlot
{
    private const int Width = 900, Height = 560;

    public static byte[] Render(IEnumerable<SequenceRow> rows, Func<SequenceRow, int> x, string xLabel, string title)
    {
        var plot = new Plot();
        foreach (var variant in rows.GroupBy(r => r.Variant))
        {
            var points = variant.GroupBy(x).OrderBy(g => g.Key)
                .Select(g => (X: (double)g.Key, Y: 100.0 * g.Sum(r => r.Successes) / g.Sum(r => r.Trials)))
                .ToArray();
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.LegendText = variant.Key;
            line.MarkerSize = 7;
        }
        plot.Axes.SetLimitsY(-3, 103);
        plot.XLabel(xLabel);
        plot.YLabel("recall success (%)");
        plot.Title(title);
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
