namespace FastAttractors;

/// <summary>
/// An angular-velocity signal V(t) (rad per time unit) with its exact integral, so a simulated heading can be checked
/// against h(t) = h₀ + ∫₀ᵗ V ds. V(t) = Σ_k a_k sin(ω_k t + φ_k) for t &lt; <see cref="End"/>, 0 afterwards.
/// </summary>
public sealed class AngularVelocity
{
    private readonly double[] amplitudes, frequencies, phases;

    /// <summary>V(t) = Σ_k a_k sin(ω_k t + φ_k) until <paramref name="end"/>.</summary>
    /// <param name="amplitudes">a_k (finite).</param>
    /// <param name="frequencies">ω_k, in rad per time unit (finite, &gt; 0).</param>
    /// <param name="phases">φ_k (finite); the three lists have the same length.</param>
    /// <param name="end">The time from which V = 0 (≥ 0; never by default).</param>
    public AngularVelocity(IReadOnlyList<double> amplitudes, IReadOnlyList<double> frequencies, IReadOnlyList<double> phases, double end = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(amplitudes);
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(phases);
        if (frequencies.Count != amplitudes.Count || phases.Count != amplitudes.Count)
            throw new ArgumentException($"amplitudes, frequencies and phases need the same length, got {amplitudes.Count}, {frequencies.Count}, {phases.Count}.", nameof(frequencies));
        for (int k = 0; k < amplitudes.Count; k++)
        {
            if (!double.IsFinite(amplitudes[k]) || !double.IsFinite(phases[k]))
                throw new ArgumentException($"component {k}: amplitude {amplitudes[k]} and phase {phases[k]} must be finite.", nameof(amplitudes));
            if (!double.IsFinite(frequencies[k]) || frequencies[k] <= 0)
                throw new ArgumentOutOfRangeException(nameof(frequencies), frequencies[k], $"frequency {k} must be finite and positive, got {frequencies[k]}.");
        }
        if (double.IsNaN(end) || end < 0)
            throw new ArgumentOutOfRangeException(nameof(end), end, $"end must be non-negative, got {end}.");
        this.amplitudes = amplitudes.ToArray();
        this.frequencies = frequencies.ToArray();
        this.phases = phases.ToArray();
        End = end;
    }

    /// <summary>V = 0: the heading is held (a memory period).</summary>
    public static AngularVelocity Zero { get; } = new([], [], []);

    /// <summary>The time after which V = 0.</summary>
    public double End { get; }

    /// <summary>The largest |V| can be: Σ |a_k|.</summary>
    public double Bound => amplitudes.Sum(Math.Abs);

    /// <summary>V(<paramref name="t"/>), in rad per time unit; 0 from <see cref="End"/> on.</summary>
    public double At(double t)
    {
        if (t >= End)
            return 0;
        double v = 0;
        for (int k = 0; k < amplitudes.Length; k++)
            v += amplitudes[k] * Math.Sin(frequencies[k] * t + phases[k]);
        return v;
    }

    /// <summary>∫₀ᵗ V ds, exactly.</summary>
    public double Integral(double t)
    {
        double u = Math.Min(Math.Max(t, 0), End);
        double sum = 0;
        for (int k = 0; k < amplitudes.Length; k++)
            sum += amplitudes[k] / frequencies[k] * (Math.Cos(phases[k]) - Math.Cos(frequencies[k] * u + phases[k]));
        return sum;
    }
}
