using FastAttractors.Cli.Commands;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// Figures of <c>systems</c> in the layout of Fig. 3: per system, x_0(t) for several initial states next to the
/// spectrum with ±1 standard error bars (and the expected exponents where known), then |a(t)| = |∂L/∂x(t)| of the
/// terminal loss ½ |x(T)|² on a log axis.
/// </summary>
internal static class SystemsPlot
{
    private const int PanelWidth = 600, PanelHeight = 320, Panels = 3;

    public static byte[] RenderOne(SystemResult result)
    {
        var figure = new Multiplot(); // starts with one plot: AddPlots sets the total
        figure.AddPlots(Panels);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Fill(figure.GetPlot(0), figure.GetPlot(1), figure.GetPlot(2), result);
        return figure.Render(Panels * PanelWidth, PanelHeight).GetImageBytes(ImageFormat.Png);
    }

    public static byte[] RenderAll(IReadOnlyList<SystemResult> results)
    {
        var figure = new Multiplot();
        figure.AddPlots(Panels * results.Count);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(results.Count, Panels);
        for (int i = 0; i < results.Count; i++)
            Fill(figure.GetPlot(Panels * i), figure.GetPlot(Panels * i + 1), figure.GetPlot(Panels * i + 2), results[i]);
        return figure.Render(Panels * PanelWidth, results.Count * PanelHeight).GetImageBytes(ImageFormat.Png);
    }

    private static void Fill(Plot trajectories, Plot spectrum, Plot adjoint, SystemResult r)
    {
        var sol = r.Trajectories;
        for (int m = 0; m < sol.Members; m++)
        {
            var x0 = new double[sol.Frames];
            for (int f = 0; f < x0.Length; f++)
                x0[f] = sol.At(f, m, 0);
            trajectories.Add.ScatterLine(sol.Times!, x0);
        }
        trajectories.Title($"{r.System.Title}: x_0(t), {sol.Members} initial states");
        trajectories.XLabel($"t ({r.System.TimeUnit})");

        var s = r.Spectra;
        if (r.System.ExpectedSpectrum is { } expected)
        {
            var index = Enumerable.Range(1, s.K).Select(i => (double)i).ToArray();
            var marks = spectrum.Add.ScatterPoints(index, expected.Take(s.K).ToArray(), Colors.Gray);
            marks.MarkerShape = MarkerShape.OpenCircle;
            marks.MarkerSize = 12;
            marks.LegendText = "expected";
        }
        LyapunovPlot.AddSpectrum(spectrum, s.Spectrum(0), s.Errors(0), "estimate ± SE");
        spectrum.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        spectrum.Title($"spectrum (k = {s.K} of {s.Dimension}), per {r.System.TimeUnit}");
        spectrum.XLabel("index i");
        IndexAxis.Apply(spectrum.Axes.Bottom);
        spectrum.ShowLegend(Edge.Right);

        var g = r.Adjoints;
        for (int m = 0; m < g.Members; m++)
            AdjointPlot.AddNorms(adjoint, g, m, legend: null);
        adjoint.Title($"adjoint |∂L/∂x(t)| of ½|x(T)|², {g.Members} initial states");
        adjoint.XLabel($"t ({r.System.TimeUnit})");
    }
}
