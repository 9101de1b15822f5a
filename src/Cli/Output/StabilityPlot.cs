using System.Globalization;
using FastAttractors.Cli.Commands;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// λ1 against weight-noise σ per system (median, with the interquartile range as a bar) on a symmetric-log axis, and
/// the mean number of zero exponents against σ. σ = 0 sits one decade left of the smallest positive σ, labelled 0.
/// </summary>
internal static class StabilityPlot
{
    private const int Width = 1400, Height = 560;

    /// <summary>Linear scale of the symmetric-log axis: |λ| below this is drawn nearly linearly.</summary>
    private const double Linear = 1e-4;

    public static byte[] Render(IReadOnlyList<StabilityResult> results, double threshold)
    {
        var figure = new Multiplot();
        figure.AddPlots(2);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Plot lambda = figure.GetPlot(0), zeros = figure.GetPlot(1);
        var sigmas = results.SelectMany(r => r.Ensemble.Sigmas).Where(s => s > 0).ToArray();
        double smallest = sigmas.Length == 0 ? 1e-3 : sigmas.Min();
        double X(double sigma) => sigma > 0 ? Math.Log10(sigma) : Math.Log10(smallest) - 1;
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var color = Palette(i);
            var xs = r.Summary.Select(s => X(s.Sigma)).ToArray();
            var median = lambda.Add.Scatter(xs, r.Summary.Select(s => SymLog(s.Lambda1Median)).ToArray(), color);
            median.LegendText = r.System.Title;
            median.MarkerSize = 8;
            foreach (var s in r.Summary)
            {
                var bar = lambda.Add.Line(X(s.Sigma), SymLog(s.Lambda1Lower), X(s.Sigma), SymLog(s.Lambda1Upper));
                bar.LineColor = color;
                bar.LineWidth = 3;
            }
            var count = zeros.Add.Scatter(xs, r.Summary.Select(s => s.ZeroCountMean).ToArray(), color);
            count.LegendText = $"{r.System.Title} ({r.System.ExpectedZeroExponents} at σ = 0)";
            count.MarkerSize = 8;
        }
        double[] ticks = [-1, -0.1, -0.01, -1e-3, 0, 1e-3];
        lambda.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(SymLog).ToArray(), ticks.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)).ToArray());
        lambda.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        lambda.Title("λ1 (per τ) against weight noise σ: median and interquartile range");
        lambda.YLabel("λ1 (symmetric log axis)");
        lambda.ShowLegend(Edge.Right);
        zeros.Title($"mean number of exponents with |λ| < {threshold.ToString("0.####", CultureInfo.InvariantCulture)} per τ");
        zeros.YLabel("zero exponents");
        zeros.ShowLegend(Edge.Right);
        foreach (var plot in new[] { lambda, zeros })
        {
            var positions = sigmas.Distinct().Order().Select(X).Prepend(X(0)).ToArray();
            var labels = sigmas.Distinct().Order().Select(s => s.ToString("0.####", CultureInfo.InvariantCulture)).Prepend("0").ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
            plot.XLabel("weight noise σ (W + σ ξ, ξ_ij ~ N(0, 1/n); log axis)");
        }
        return figure.Render(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>sign(λ) log10(1 + |λ| / c): monotone, linear near 0, logarithmic beyond c.</summary>
    private static double SymLog(double v) => double.IsNaN(v) ? double.NaN : Math.Sign(v) * Math.Log10(1 + Math.Abs(v) / Linear);

    private static Color Palette(int i) => new ScottPlot.Palettes.Category10().GetColor(i);
}
