using System.Globalization;
using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// A symmetric-log colour scale, s(x) = sign(x)·log10(1 + |x|/c): linear within ±c, logarithmic beyond, so the
/// whole data span fits the colour bar without clipping (λ1 = −11 stays distinct from −0.8) while values near 0
/// keep the neutral colour. The colour bar's ticks sit at s(0), s(±c), s(±10c), … and are labelled in data units.
/// </summary>
internal readonly record struct SymmetricLogScale(double Linear)
{
    /// <summary>A scale whose linear band is about a tenth of the median magnitude, rounded down to a power of ten
    /// (at least 1e-3) so the ticks read 0.1, 1, 10: the moderate values then spread over most of the colours and the
    /// near-zero band stays narrow.</summary>
    public static SymmetricLogScale For(IReadOnlyList<double> sortedMagnitudes)
    {
        double tenth = sortedMagnitudes.Count == 0 ? 0 : 0.1 * sortedMagnitudes[sortedMagnitudes.Count / 2];
        return new(tenth > 1e-3 ? Math.Pow(10, Math.Floor(Math.Log10(tenth))) : 1e-3);
    }

    public double Apply(double x) => double.IsFinite(x) ? Math.Sign(x) * Math.Log10(1 + Math.Abs(x) / Linear) : x;

    /// <summary>Ticks at 0 and ±c·10^j within [−limit, limit] (limit in data units): colour position and data label.</summary>
    public IReadOnlyList<(double Position, string Label)> TickMarks(double limit)
    {
        var ticks = new List<(double, string)> { (0, "0") };
        for (double v = Linear; v <= limit * (1 + 1e-9); v *= 10)
        {
            string label = v.ToString("G3", CultureInfo.InvariantCulture);
            ticks.Add((Apply(v), label));
            ticks.Add((Apply(-v), "−" + label));
        }
        return ticks;
    }

    /// <summary>The colour bar's tick generator for <see cref="TickMarks"/>.</summary>
    public ScottPlot.TickGenerators.NumericManual Ticks(double limit)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (position, label) in TickMarks(limit))
            ticks.AddMajor(position, label);
        return ticks;
    }

    /// <summary>How the colour bar's label names the scale.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"symmetric-log colours, linear within ±{Linear:G3}");
}
