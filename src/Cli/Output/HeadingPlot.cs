using System.Globalization;
using FastAttractors.Cli.Commands;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// heading.png: (left) the oscillator circuit's decoded heading against the true heading while it integrates V(t),
/// without and with weight noise; (middle) decoded − true while holding headings (V = 0), oscillators vs ring
/// attractor under the same σ; (right) the spread of that error across headings (circular SD): a common drift keeps
/// the relative headings (spread 0), a collapse onto a few pinned positions destroys them. bump.png: the bumps.
/// </summary>
internal static class HeadingPlot
{
    private const int PanelWidth = 640, Height = 500;

    public static byte[] Render(IReadOnlyList<HeadingRun> runs, HeadDirectionSettings settings)
    {
        var figure = new Multiplot();
        figure.AddPlots(3);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Plot integration = figure.GetPlot(0), errors = figure.GetPlot(1), spread = figure.GetPlot(2);
        string noisy = settings.Sigma.ToString("0.####", CultureInfo.InvariantCulture);

        var velocity = runs.Where(r => r.Circuit == "oscillators-velocity").ToArray();
        var truth = integration.Add.ScatterLine(velocity[0].Times, Unwrap(velocity[0].TrueHeading), Colors.Black);
        truth.LineWidth = 3;
        truth.LegendText = "true heading h₀ + ∫V dt";
        for (int i = 0; i < velocity.Length; i++)
        {
            var line = integration.Add.ScatterLine(velocity[i].Times, Unwrap(velocity[i].DecodedHeading, velocity[i].TrueHeading[0]), Palette(i));
            line.LineWidth = 1.5f;
            line.LegendText = $"decoded from the bump, σ = {velocity[i].Sigma.ToString("0.####", CultureInfo.InvariantCulture)}";
        }
        integration.Title("oscillator circuit integrating V(t) (headings unwrapped)");
        integration.XLabel("t (τ)");
        integration.YLabel("heading (rad)");
        integration.ShowLegend(Edge.Right);

        var groups = runs.Where(r => r.Circuit != "oscillators-velocity").GroupBy(r => (r.Circuit, r.Sigma)).ToArray();
        for (int g = 0; g < groups.Length; g++)
        {
            var color = Palette(g + 2);
            bool first = true;
            foreach (var run in groups[g])
            {
                var line = errors.Add.ScatterLine(run.Times, Unwrap(run.Error), color);
                line.LineWidth = 1;
                if (first)
                    line.LegendText = Label(groups[g].Key);
                first = false;
            }
            var times = groups[g].First().Times;
            var sd = times.Select((_, f) => groups[g].GroupBy(r => r.Draw).Select(d => HeadDirectionCommand.CircularSd(d.Select(r => r.Error[f]))).Average()).ToArray();
            var curve = spread.Add.ScatterLine(times, sd, color);
            curve.LineWidth = 2;
            curve.LegendText = Label(groups[g].Key);
        }
        errors.Title($"holding {groups[0].Count()} headings (V = 0): decoded − true (unwrapped)");
        errors.XLabel("t (τ)");
        errors.YLabel("error (rad)");
        errors.ShowLegend(Edge.Right);
        spread.Title("spread of the error across headings (circular SD)");
        spread.XLabel("t (τ)");
        spread.YLabel("rad (0: relative headings kept)");
        spread.ShowLegend(Edge.Right);
        return figure.Render(3 * PanelWidth, Height).GetImageBytes(ImageFormat.Png);
    }

    public static byte[] RenderBumps(double[] oscillatorBump, IReadOnlyList<(double Sigma, double[] Rates)> ringBumps)
    {
        var plot = new Plot();
        double peak = oscillatorBump.Max();
        var xs = oscillatorBump.Select((_, j) => 2 * Math.PI * j / oscillatorBump.Length).ToArray();
        var osc = plot.Add.Scatter(xs, oscillatorBump.Select(v => v / peak).ToArray(), Palette(0));
        osc.LegendText = "oscillator circuit: cycle-averaged coincidence (÷ peak), σ = 0";
        for (int i = 0; i < ringBumps.Count; i++)
        {
            var (s, rates) = ringBumps[i];
            var ring = plot.Add.Scatter(rates.Select((_, j) => 2 * Math.PI * j / rates.Length).ToArray(), rates, Palette(i + 1));
            ring.LegendText = $"ring attractor: rates (1 + tanh x)/2 at the end, σ = {s.ToString("0.####", CultureInfo.InvariantCulture)}";
            ring.MarkerSize = 4;
        }
        plot.Title("the bump on the ring at the end of the velocity run (oscillators) and of holding (ring, first heading)");
        plot.XLabel("location on the ring (rad)");
        plot.YLabel("activity");
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(1000, 520, ImageFormat.Png);
    }

    /// <summary>
    /// Angles made continuous frame to frame (steps taken as the shortest way round; frames must be close enough),
    /// starting within π of <paramref name="start"/> (so 2π − ε next to 0 starts at −ε).
    /// </summary>
    private static double[] Unwrap(double[] angles, double start = 0)
    {
        var result = new double[angles.Length];
        for (int f = 0; f < angles.Length; f++)
            result[f] = f == 0 ? start + Angles.Difference(angles[0], start) : result[f - 1] + Angles.Difference(angles[f], angles[f - 1]);
        return result;
    }

    private static string Label((string Circuit, double Sigma) key) =>
        $"{(key.Circuit.StartsWith("ring", StringComparison.Ordinal) ? "ring attractor" : "oscillators")}, σ = {key.Sigma.ToString("0.####", CultureInfo.InvariantCulture)}";

    private static Color Palette(int i) => new ScottPlot.Palettes.Category10().GetColor(i);
}
