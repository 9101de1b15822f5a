using System.Globalization;
using FastAttractors.Cli.Scan;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// λ1 (mean over the members of each point, finite values only) over the scan's two axes as a heatmap, with the
/// analytic boundary of the zero-exponent region drawn dashed: α cos θ = 1 for the rotation flow (Eq. 20: the origin
/// loses stability there, λ1 = −1 + α cos θ below it) and α = 1 for the rotation map (Eq. 21: λ1 = log α below it).
/// One axis: λ1 against it. Colours are symmetric about 0 (symmetric-log, <see cref="SymmetricLogScale"/>), so the
/// zero-exponent region is the neutral (white) band and no value is clipped.
/// </summary>
internal static class ScanHeatmap
{
    private const int Width = 900, Height = 700;

    /// <summary>The PNG, or null when the scan has no axis with more than one value.</summary>
    public static byte[]? Render(ScanJob plan, ScanTable table)
    {
        var axes = Enumerable.Range(0, plan.Grid.Axes.Count).Where(a => plan.Grid.Axes[a].Count > 1).ToArray();
        if (axes.Length == 0)
            return null;
        var mean = MeanLambda1(plan, table);
        var plot = new Plot();
        // The spec hash names the dataset in spec.json and the file metadata; it says nothing to a reader of the figure.
        string title = $"λ1 of the {plan.Family} scan ({plan.Grid.Members} member{(plan.Grid.Members == 1 ? "" : "s")} per point)";
        string unit = plan.Grid.IsMap ? "1/iteration" : "1/time unit";
        if (axes.Length == 1)
        {
            int a = axes[0];
            var x = plan.Grid.AxisValues(a);
            var y = new double[x.Length];
            for (long p = 0; p < plan.Grid.Points; p++)
                y[plan.Grid.IndexAlong(p, a)] = mean[p];
            plot.Add.Scatter(x, y);
            plot.Add.HorizontalLine(0, pattern: LinePattern.Dashed);
            plot.XLabel(AxisLabel(plan.Grid.Axes[a].Name));
            plot.YLabel($"λ1 ({unit})");
        }
        else
        {
            int ax = axes[0], ay = axes[1];
            double[] xs = plan.Grid.AxisValues(ax), ys = plan.Grid.AxisValues(ay);
            var grid = new double[ys.Length, xs.Length];
            for (int r = 0; r < ys.Length; r++)
            {
                for (int c = 0; c < xs.Length; c++)
                    grid[r, c] = double.NaN;
            }
            for (long p = 0; p < plan.Grid.Points; p++)
                grid[plan.Grid.IndexAlong(p, ay), plan.Grid.IndexAlong(p, ax)] = mean[p]; // further axes: the last value written wins
            // A symmetric-log colour scale: the strongly contracting corners (λ1 down to −11) and the moderate
            // exponents beside the zero-exponent region are both readable, and nothing saturates.
            var magnitudes = mean.Where(double.IsFinite).Select(Math.Abs).Order().ToArray();
            var scale = SymmetricLogScale.For(magnitudes);
            double limit = magnitudes.Length == 0 ? 1 : Math.Max(scale.Linear, magnitudes[^1]);
            var colours = new double[ys.Length, xs.Length];
            for (int r = 0; r < ys.Length; r++)
            {
                for (int c = 0; c < xs.Length; c++)
                    colours[r, c] = scale.Apply(grid[r, c]);
            }
            var heatmap = plot.Add.Heatmap(colours);
            heatmap.Colormap = new ScottPlot.Colormaps.Balance();
            heatmap.ManualRange = new ScottPlot.Range(-scale.Apply(limit), scale.Apply(limit));
            heatmap.FlipVertically = true; // row 0 (the first y value) at the bottom
            double hx = xs.Length > 1 ? (xs[1] - xs[0]) / 2 : 0.5, hy = ys.Length > 1 ? (ys[1] - ys[0]) / 2 : 0.5;
            heatmap.Rectangle = new CoordinateRect(xs[0] - hx, xs[^1] + hx, ys[0] - hy, ys[^1] + hy);
            var bar = plot.Add.ColorBar(heatmap);
            bar.Axis.TickGenerator = scale.Ticks(limit);
            bar.Label = $"λ1 ({unit}); {scale.Describe()}";
            DrawBoundary(plot, plan, plan.Grid.Axes[ax].Name, plan.Grid.Axes[ay].Name, (xs[0], xs[^1]), (ys[0], ys[^1]));
            plot.XLabel(AxisLabel(plan.Grid.Axes[ax].Name));
            plot.YLabel(AxisLabel(plan.Grid.Axes[ay].Name));
            plot.Axes.SetLimits(xs[0] - hx, xs[^1] + hx, ys[0] - hy, ys[^1] + hy);
        }
        plot.Title(title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>An axis name with its unit: θ in radians, α and g dimensionless gains.</summary>
    private static string AxisLabel(string name) => name switch
    {
        "theta" => "θ (rad)",
        "alpha" => "α (gain, dimensionless)",
        "g" => "g (gain, dimensionless)",
        _ => name,
    };

    private static double[] MeanLambda1(ScanJob plan, ScanTable table)
    {
        var sum = new double[plan.Grid.Points];
        var count = new int[plan.Grid.Points];
        var points = (long[])table["point"];
        var lambda = (double[])table["lambda_1"];
        for (int r = 0; r < points.Length; r++)
        {
            if (!double.IsFinite(lambda[r]))
                continue;
            sum[points[r]] += lambda[r];
            count[points[r]]++;
        }
        return [.. sum.Select((s, p) => count[p] > 0 ? s / count[p] : double.NaN)];
    }

    /// <summary>The analytic boundary in the plot's coordinates, whichever of α and θ is on which axis.</summary>
    private static void DrawBoundary(Plot plot, ScanJob plan, string xName, string yName, (double Lo, double Hi) x, (double Lo, double Hi) y)
    {
        if (!plan.Grid.IsRotation || !new[] { xName, yName }.Order().SequenceEqual(["alpha", "theta"]))
            return;
        var (alpha, theta) = xName == "alpha" ? (x, y) : (y, x);
        var line = new List<(double Alpha, double Theta)>();
        if (plan.Grid.IsMap)
        {
            if (alpha.Lo <= 1 && 1 <= alpha.Hi)
                line.AddRange([(1, theta.Lo), (1, theta.Hi)]);
        }
        else
        {
            // α cos θ = 1: θ = ±arccos(1/α) for α ≥ 1, both branches inside [0, π] only for the + one.
            for (int i = 0; i <= 400; i++)
            {
                double a = Math.Max(1, alpha.Lo) + (alpha.Hi - Math.Max(1, alpha.Lo)) * i / 400.0;
                double t = Math.Acos(1 / a);
                if (a >= 1 && t >= theta.Lo && t <= theta.Hi)
                    line.Add((a, t));
            }
        }
        if (line.Count < 2)
            return;
        var xs = line.Select(p => xName == "alpha" ? p.Alpha : p.Theta).ToArray();
        var ys = line.Select(p => xName == "alpha" ? p.Theta : p.Alpha).ToArray();
        var scatter = plot.Add.Scatter(xs, ys, Colors.Black);
        scatter.MarkerSize = 0;
        scatter.LineWidth = 2;
        scatter.LinePattern = LinePattern.Dashed;
        scatter.LegendText = plan.Grid.IsMap ? "α = 1" : "α cos θ = 1";
        // Outside the data: the boundary runs through the upper right of the α × θ plane.
        plot.ShowLegend(Edge.Bottom);
    }
}
