using FastAttractors.Cli.Specs;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The overview PNG of a run: x_0(t) of a few members spread over the ensemble (over the sweep, for a gain sweep)
/// when a trajectory was recorded, else the norm of each member's final state against its index (or gain).
/// </summary>
internal static class IntegratePlot
{
    private const int Width = 1000, Height = 560, Traces = 6;

    public static byte[] Render(EnsembleSolution solution, IntegrateRun run)
    {
        var plot = new Plot();
        if (solution.Trajectory is not null)
            AddTraces(plot, solution, run);
        else
            AddFinalNorms(plot, solution, run);
        plot.Title($"{run.Spec.Model} n = {solution.Dimension}, {solution.Members} members, {solution.Backend} {solution.Precision}");
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void AddTraces(Plot plot, EnsembleSolution solution, IntegrateRun run)
    {
        int count = Math.Min(Traces, solution.Members);
        for (int k = 0; k < count; k++)
        {
            int m = SpecRunFiles.Spread(k, count, solution.Members);
            var x0 = new double[solution.Frames];
            for (int f = 0; f < x0.Length; f++)
                x0[f] = solution.At(f, m, 0);
            var line = plot.Add.ScatterLine(solution.Times!, x0);
            line.LegendText = run.GainOf(m) is { } g ? $"member {m} (g = {g:0.###})" : $"member {m}";
        }
        bool iterations = solution.StepSize == 1.0 && run.Spec.Kind == "map";
        plot.XLabel(iterations ? "iteration" : "t (model time units)");
        if (iterations)
            IndexAxis.Apply(plot.Axes.Bottom);
        plot.YLabel("x_0");
        plot.ShowLegend(Edge.Right);
    }

    private static void AddFinalNorms(Plot plot, EnsembleSolution solution, IntegrateRun run)
    {
        var xs = new double[solution.Members];
        var norms = new double[solution.Members];
        bool sweep = run.Spec.GEnd is not null;
        for (int m = 0; m < solution.Members; m++)
        {
            xs[m] = sweep ? run.GainOf(m)!.Value : m;
            double sum = 0;
            for (int i = 0; i < solution.Dimension; i++)
                sum += solution.Final(m, i) * solution.Final(m, i);
            norms[m] = Math.Sqrt(sum);
        }
        plot.Add.ScatterPoints(xs, norms);
        plot.XLabel(sweep ? "g (gain, dimensionless)" : "member");
        if (!sweep)
            IndexAxis.Apply(plot.Axes.Bottom);
        plot.YLabel("|x(T)|");
    }
}
