using FastAttractors.Cli.Specs;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// |a(t)| = |∂L/∂x(t)| on a log axis (the "adjoint" column of Fig. 3): the backward pass starts at the terminal loss
/// at the right and runs to t = 0 at the left, so a falling curve read right to left is a growing learning signal.
/// </summary>
internal static class AdjointPlot
{
    private const int Width = 1000, Height = 560, Traces = 6;

    public static byte[] Render(EnsembleGradients gradients, AdjointRun run)
    {
        var plot = new Plot();
        int count = Math.Min(Traces, gradients.Members);
        for (int k = 0; k < count; k++)
        {
            int m = SpecRunFiles.Spread(k, count, gradients.Members);
            AddNorms(plot, gradients, m, run.GainOf(m) is { } g && run.IsGainSweep ? $"member {m} (g = {g:0.###})" : $"member {m}");
        }
        plot.XLabel(run.Spec.Kind == "map" ? "iteration" : "t (model time units)");
        if (run.Spec.Kind == "map")
            IndexAxis.Apply(plot.Axes.Bottom);
        plot.Title($"adjoint |∂L/∂x(t)|: {run.Spec.Model} n = {gradients.Dimension}, {gradients.Members} members, "
            + $"{gradients.Steps} steps, {gradients.Backend}");
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>
    /// log10 |a(t)| of member <paramref name="member"/> with a log-style axis. Zero or non-finite norms (an overflowed
    /// adjoint, a member whose forward run diverged) are left out rather than drawn as a cliff.
    /// </summary>
    public static void AddNorms(Plot plot, EnsembleGradients gradients, int member, string? legend)
    {
        var times = gradients.NormTimes ?? throw new InvalidOperationException("the gradients were computed without adjoint norms.");
        var xs = new List<double>(times.Length);
        var ys = new List<double>(times.Length);
        for (int f = 0; f < times.Length; f++)
        {
            double norm = gradients.AdjointNorms![(long)f * gradients.Members + member];
            if (norm > 0 && double.IsFinite(norm))
            {
                xs.Add(times[f]);
                ys.Add(Math.Log10(norm));
            }
        }
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
        if (legend is not null)
            line.LegendText = legend;
        UseLogAxis(plot);
    }

    /// <summary>Integer decades as major ticks labelled 10^k, with log-spaced minor ticks between them.</summary>
    private static void UseLogAxis(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => $"1e{y:0}",
        };
        plot.YLabel("|∂L/∂x(t)|");
    }
}
