using FastAttractors.Cli.Specs;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The PNG of a lyapunov run: each member's spectrum with error bars (up to <see cref="MaxSpectra"/> members), else
/// λ1 with its error bar against the member index or, for a gain sweep, the gain g.
/// </summary>
internal static class LyapunovPlot
{
    private const int Width = 1000, Height = 560;
    public const int MaxSpectra = 4;

    public static byte[] Render(LyapunovSpectra spectra, LyapunovRun run, string timeUnit)
    {
        var plot = new Plot();
        if (spectra.Members <= MaxSpectra)
        {
            for (int m = 0; m < spectra.Members; m++)
                AddSpectrum(plot, spectra.Spectrum(m), spectra.Errors(m), spectra.Members == 1 ? null : $"member {m}");
            plot.XLabel("index i");
            IndexAxis.Apply(plot.Axes.Bottom);
            plot.YLabel($"λ_i (per {timeUnit})");
        }
        else
        {
            var xs = new double[spectra.Members];
            var top = new double[spectra.Members];
            var errors = new double[spectra.Members];
            for (int m = 0; m < spectra.Members; m++)
            {
                xs[m] = run.IsGainSweep ? run.GainOf(m)!.Value : m;
                top[m] = spectra.Exponents[m * spectra.K];
                errors[m] = spectra.StandardErrors[m * spectra.K];
            }
            plot.Add.ScatterPoints(xs, top);
            plot.Add.ErrorBar(xs, top, errors);
            plot.XLabel(run.IsGainSweep ? "g (gain, dimensionless)" : "member");
            if (!run.IsGainSweep)
                IndexAxis.Apply(plot.Axes.Bottom);
            plot.YLabel($"λ1 (per {timeUnit})");
        }
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        plot.Title($"Lyapunov spectra: {run.Spec.Model} n = {spectra.Dimension}, k = {spectra.K}, {spectra.Members} members, "
            + $"T = {spectra.AccumulationTime:0.###}, {spectra.Backend}");
        if (spectra.Members is > 1 and <= MaxSpectra)
            plot.ShowLegend(Edge.Right); // beside the data, not over the spectra
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>λ_i against i = 1 … k with ±1 standard error bars.</summary>
    public static void AddSpectrum(Plot plot, double[] exponents, double[] errors, string? legend)
    {
        var index = Enumerable.Range(1, exponents.Length).Select(i => (double)i).ToArray();
        var points = plot.Add.ScatterPoints(index, exponents);
        points.MarkerSize = 8;
        if (legend is not null)
            points.LegendText = legend;
        var bars = plot.Add.ErrorBar(index, exponents, errors);
        bars.Color = points.Color;
    }
}
