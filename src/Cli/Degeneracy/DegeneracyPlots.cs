using FastAttractors.Cli.Output;
using FastAttractors.Degeneracy;
using ScottPlot;

namespace FastAttractors.Cli.Degeneracy;

/// <summary>
/// The figures of a degeneracy run: loss-curves.png (test loss of every network, one colour per condition),
/// mds.png (per level, each condition's networks embedded by classical MDS of that level's distances; each map is
/// centred, so conditions overlay on common axes and a tighter cloud is a less degenerate condition) and
/// fixed-points.png (per condition, the first usable network's states and its fixed points on its first two
/// principal components, marked by stability).
/// </summary>
internal static class DegeneracyPlots
{
    private const int PanelWidth = 520, PanelHeight = 420;

    private static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    private static Color ColourOf(int condition) => Palette[condition % Palette.Length];

    public static string WriteLossCurves(string directory, DegeneracyStudyResult result)
    {
        var plot = new Plot();
        var conditions = result.Conditions.Select(c => c.Condition).ToList();
        foreach (var network in result.Networks)
        {
            var points = network.Log.Where(r => double.IsFinite(r.TestLoss) && r.TestLoss > 0).ToArray();
            if (points.Length == 0)
                continue;
            var line = plot.Add.ScatterLine(points.Select(r => (double)r.Step).ToArray(), points.Select(r => Math.Log10(r.TestLoss)).ToArray(),
                ColourOf(conditions.IndexOf(network.Condition)));
            line.LineWidth = 1;
            if (network.Replicate == 0)
                line.LegendText = network.Condition;
        }
        if (result.Spec.Training.LossThreshold is { } threshold)
        {
            var line = plot.Add.HorizontalLine(Math.Log10(threshold), 1, Colors.Gray, LinePattern.Dashed);
            line.LegendText = "early-stopping threshold";
        }
        plot.Title($"test loss of {result.Networks.Count} networks ({result.Spec.Task.Name})");
        plot.XLabel("training step (updates)");
        plot.YLabel("log₁₀ test loss (task's loss)");
        IndexAxis.Apply(plot.Axes.Bottom);
        plot.ShowLegend(Edge.Right);
        return Save(directory, "loss-curves.png", plot.GetImageBytes(2 * PanelWidth, PanelHeight, ImageFormat.Png));
    }

    public static string WriteMds(string directory, DegeneracyStudyResult result)
    {
        (string Title, string Unit, Func<NetworkAnalysis, (double X, double Y)> Get)[] levels =
        [
            ("behaviour: |Δ OOD loss|", "loss", r => r.MdsBehaviour),
            ("dynamics: DSA distance", "DSA units", r => r.MdsDynamics),
            ("weights: relative permutation distance", "dimensionless", r => r.MdsWeights),
            ("representations: 1 − CKA", "dimensionless", r => r.MdsRepresentation),
        ];
        var figure = new Multiplot();
        figure.AddPlots(levels.Length);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 2);
        var conditions = result.Conditions.Select(c => c.Condition).ToList();
        for (int l = 0; l < levels.Length; l++)
        {
            var plot = figure.GetPlot(l);
            // |Δ OOD loss| between scalars is one-dimensional: its second MDS axis is rounding noise, so the behaviour
            // panel draws MDS 1 against the condition's number instead.
            bool line = l == 0;
            for (int c = 0; c < conditions.Count; c++)
            {
                var points = result.Networks.Where(r => r.Condition == conditions[c]).Select(levels[l].Get).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
                if (points.Length == 0)
                    continue;
                var marks = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => line ? c + 1.0 : p.Y).ToArray(), ColourOf(c));
                marks.MarkerSize = 7;
                marks.LegendText = conditions[c];
            }
            plot.Title(levels[l].Title);
            plot.XLabel($"MDS 1 ({levels[l].Unit})");
            plot.YLabel(line ? "condition (number, as in the legend)" : $"MDS 2 ({levels[l].Unit})");
            if (line)
                IndexAxis.Apply(plot.Axes.Left);
            plot.ShowLegend(Edge.Right);
        }
        return Save(directory, "mds.png", figure.Render(2 * PanelWidth + 200, 2 * PanelHeight).GetImageBytes(ImageFormat.Png));
    }

    public static string WriteFixedPoints(string directory, DegeneracyStudyResult result)
    {
        var shown = result.Conditions.Select(c => result.Networks.FirstOrDefault(r => r.Condition == c.Condition && r.Usable && r.Trajectory.Count > 0))
            .Where(r => r is not null).Select(r => r!).ToArray();
        var figure = new Multiplot();
        figure.AddPlots(Math.Max(1, shown.Length));
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        for (int k = 0; k < shown.Length; k++)
        {
            var r = shown[k];
            var plot = figure.GetPlot(k);
            var path = plot.Add.ScatterLine(r.Trajectory.Select(p => p.Pc1).ToArray(), r.Trajectory.Select(p => p.Pc2).ToArray(), Colors.LightGray);
            path.LegendText = "states (analysis trials)";
            foreach (var (stability, colour, shape) in new[]
                     { (StabilityClass.Stable, Colors.Black, MarkerShape.FilledCircle), (StabilityClass.Saddle, Colors.Red, MarkerShape.FilledTriangleUp),
                       (StabilityClass.Marginal, Colors.Orange, MarkerShape.FilledSquare), (StabilityClass.Unstable, Colors.Purple, MarkerShape.Cross) })
            {
                var points = r.PlanePoints.Where(p => p.IsFixedPoint && p.Stability == stability).ToArray();
                if (points.Length == 0)
                    continue;
                var marks = plot.Add.ScatterPoints(points.Select(p => p.Pc1).ToArray(), points.Select(p => p.Pc2).ToArray(), colour);
                marks.MarkerShape = shape;
                marks.MarkerSize = 9;
                marks.LegendText = $"{stability.ToString().ToLowerInvariant()} fixed points ({points.Length})";
            }
            var slow = r.PlanePoints.Where(p => !p.IsFixedPoint).ToArray();
            if (slow.Length > 0)
            {
                var marks = plot.Add.ScatterPoints(slow.Select(p => p.Pc1).ToArray(), slow.Select(p => p.Pc2).ToArray(), Colors.Blue);
                marks.MarkerShape = MarkerShape.OpenCircle;
                marks.LegendText = $"slow points ({slow.Length})";
            }
            plot.Title($"{r.Condition}, network {r.Replicate}");
            plot.XLabel($"PC1 (state units; PC1 + PC2 hold {100 * r.PlaneExplained:0}% of variance)");
            plot.YLabel("PC2 (state units)");
            plot.ShowLegend(Edge.Bottom);
        }
        return Save(directory, "fixed-points.png", figure.Render(Math.Max(1, shown.Length) * PanelWidth, PanelHeight + 120).GetImageBytes(ImageFormat.Png));
    }

    private static string Save(string directory, string name, byte[] png)
    {
        string path = Path.Combine(directory, name);
        AtomicFile.Write(path, s => s.Write(png));
        return path;
    }
}
