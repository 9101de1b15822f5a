namespace FastAttractors;

/// <summary>
/// One run of the <see cref="HeadDirectionCircuit"/>: at each recorded time the true heading h₀ + ∫V, the heading
/// held in the oscillators' relative phase (2π (t⁻ − t⁺)/τ from their latest pulses), and the heading decoded from
/// the low-passed bump on the delay line; all in [0, 2π). <see cref="FinalBump"/> is the cycle-averaged coincidence
/// at each of the L locations at the end.
/// </summary>
public sealed record HeadDirectionTrace(
    double Period, double[] Times, double[] TrueHeading, double[] PhaseHeading, double[] DecodedHeading, double[] FinalBump);
