namespace FastAttractors;

/// <summary>
/// The head-direction circuit of Sec. 2.11 (Fig. 6): two identical oscillators '+' and '−' of period τ (here
/// <see cref="RotationOscillator"/> blocks, W = α R(θ)); clockwise angular velocity V⁺ = [V]⁺ advances the '+' phase,
/// counter-clockwise V⁻ = [−V]⁺ the '−' phase (Eqs. 22–23), so Δφ = φ⁺ − φ⁻ = (τ/2π) ∫ V dt mod τ (Eq. 26) holds the
/// heading. A delay line reads it out: location j (j = 0 … L − 1) receives the '+' pulse train delayed by
/// d_j = j τ / L and the '−' train undelayed, and multiplies them (the coincidence Φ of Eq. 27). The '+' pulse
/// reaches location j together with the '−' pulse when d_j ≡ Δφ (mod τ), so the coincidence peaks at the location
/// of the heading; averaged over one period (Eq. 28) it is a bump on the ring of locations whose population-vector
/// angle is the decoded heading 2π j*/L.
/// </summary>
public sealed record HeadDirectionCircuit
{
    /// <summary>Gain α of both oscillators (with θ = 1: period τ ≈ 4.15).</summary>
    public double Alpha { get; init; } = 3.0;

    /// <summary>Rotation θ of both oscillators.</summary>
    public double Theta { get; init; } = 1.0;

    /// <summary>Locations L on the delay line (the ring of the readout).</summary>
    public int Locations { get; init; } = 32;

    /// <summary>RK4 steps per location spacing τ/L: dt = τ / (L · this), so every delay is a whole number of steps.</summary>
    public int StepsPerLocation { get; init; } = 8;

    /// <summary>κ of the pulse exp(κ (cos ϑ − 1)): larger is a shorter pulse and a narrower bump.</summary>
    public double PulseSharpness { get; init; } = 8.0;

    /// <summary>Throws, naming the property, when a setting is out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Alpha) || Alpha <= 0)
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, $"Alpha must be finite and positive, got {Alpha}.");
        if (!double.IsFinite(Theta) || Theta <= 0 || Theta >= Math.PI)
            throw new ArgumentOutOfRangeException(nameof(Theta), Theta, $"Theta must be in (0, π), got {Theta}.");
        if (Locations < 4 || Locations > 4096)
            throw new ArgumentOutOfRangeException(nameof(Locations), Locations, $"Locations must be in [4, 4096], got {Locations}.");
        if (StepsPerLocation < 1 || StepsPerLocation > 1024)
            throw new ArgumentOutOfRangeException(nameof(StepsPerLocation), StepsPerLocation, $"StepsPerLocation must be in [1, 1024], got {StepsPerLocation}.");
        if (!double.IsFinite(PulseSharpness) || PulseSharpness <= 0)
            throw new ArgumentOutOfRangeException(nameof(PulseSharpness), PulseSharpness, $"PulseSharpness must be finite and positive, got {PulseSharpness}.");
    }

    /// <summary>The noise-free oscillator weights α R(θ).</summary>
    public double[] Weights() => RotationOscillator.Weights(Alpha, Theta);

    /// <summary>
    /// The weights of oscillator <paramref name="which"/> (0 = '+', 1 = '−') of noise draw <paramref name="draw"/>:
    /// α R(θ) + σ ξ, ξ_ij ~ N(0, 1/2) (the N(0, 1/n) of <see cref="WeightNoise"/> with n = 2), counter-based.
    /// </summary>
    public double[] NoisyWeights(double sigma, int draw, int which, long seed)
    {
        if (which is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(which), which, $"which must be 0 ('+') or 1 ('−'), got {which}.");
        if (draw < 0)
            throw new ArgumentOutOfRangeException(nameof(draw), draw, $"draw must be non-negative, got {draw}.");
        return WeightNoise.Perturbed(Weights(), 2, sigma, seed, 2L * draw + which, CounterRandom.Purpose.OscillatorWeightNoise);
    }
}
