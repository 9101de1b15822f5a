namespace FastAttractors;

/// <summary>
/// The four base systems of the structural-stability experiments (issue 10), each with zero Lyapunov exponents at
/// σ = 0: a ring attractor and a line attractor (continuous attractors, Sec. 2.5), a periodic toroidal attractor of
/// m independent rotation blocks (Eq. 19–20) and a stable limit cycle of a random tanh network (Sec. 2.7).
/// </summary>
public static class StabilitySystems
{
    /// <summary>Blocks of <see cref="Pta"/>: a 3-torus.</summary>
    public const int PtaBlocks = 3;

    /// <summary>Gain α of every PTA block (α cos θ &gt; 1 makes the origin an unstable focus).</summary>
    public const double PtaAlpha = 3.0;

    /// <summary>
    /// Rotation angles θ of the PTA blocks. Each block ẋ = −x + tanh(α R(θ) x) alone has a stable limit cycle with
    /// period 5.1, 4.15 and 3.23 τ (measured by RK4 at dt = 0.01, upward zero crossings after 100 τ); the ratios are
    /// not small rationals, so the joint orbit fills a 3-torus.
    /// </summary>
    public static readonly double[] PtaThetas = [0.9, 1.0, 1.1];

    /// <summary>
    /// Ring attractor (<see cref="RingAttractor"/>), n = 64, J₁ = 8, I₀ = −2, starting on the bump at ψ = 1 rad.
    /// Exponents: 0, −0.59, then −1 (k = 4 computed).
    /// </summary>
    public static StabilitySystem Ring { get; } = new("ring", "Ring attractor",
        "TanhRnn, n = 64, W_ij = (8/n) cos(θ_i − θ_j), b = −2, τ = 1",
        RingAttractor.Create(), RingAttractor.Bump(1.0), new Rk4(0.2),
        // Largest Jacobian eigenvalue modulus on the way to the bump ≤ 1 + J₁/2 = 5: dt = 0.2 keeps RK4 well inside
        // its stability interval; 500 τ resolves exponents down to ~1/500 = 2e-3 per τ.
        new LyapunovOptions { Transient = 100, Duration = 500, Every = 5, Exponents = 4, Tolerance = 0.05 }, 1);

    /// <summary>The line attractor of Fig. 3C (<see cref="CanonicalSystems.LineAttractor"/>): {0, −2, −3, −3, −3, −3}.</summary>
    public static StabilitySystem Line { get; } = new("line", "Line attractor",
        CanonicalSystems.LineAttractor.Definition, CanonicalSystems.LineAttractor.Model,
        CanonicalSystems.LineAttractor.InitialStates(1), new Rk4(0.05),
        new LyapunovOptions { Transient = 100, Duration = 500, Every = 10, Exponents = 4, Tolerance = 0.05 }, 1);

    /// <summary>
    /// Periodic toroidal attractor (Eq. 19, continuous time Eq. 20): ẋ = −x + tanh(W x), W = blockdiag(α R(θ_k)),
    /// n = 2m = 6, <see cref="PtaAlpha"/>, <see cref="PtaThetas"/>: m zero exponents and m negative ones.
    /// </summary>
    public static StabilitySystem Pta { get; } = new("pta", "Toroidal attractor (PTA)",
        $"TanhOfLinear flow, n = {2 * PtaBlocks}, W = blockdiag(3 R(θ)), θ = 0.9, 1.0, 1.1",
        new TanhOfLinear(ParameterBlock.Shared("W", Weights.BlockRotation(Enumerable.Repeat(PtaAlpha, PtaBlocks).ToArray(), PtaThetas, 2 * PtaBlocks)), DynamicsKind.Flow),
        Enumerable.Repeat(0.3, 2 * PtaBlocks).ToArray(), new Rk4(0.05),
        new LyapunovOptions { Transient = 100, Duration = 1000, Every = 10, Tolerance = 0.05 }, PtaBlocks);

    /// <summary>
    /// Random limit cycle: the network of <see cref="CanonicalSystems.LimitCycle"/> (n = 20, g = 1.8, p_c = 0.1, seed
    /// <see cref="CanonicalSystems.LimitCycleSeed"/>, found there by a seed scan) with τ = 1 instead of 10 ms, so its
    /// period is 7.2 τ and its exponents are the canonical ones divided by 100: λ1 ≈ 0, λ2 ≈ −0.10 per τ.
    /// </summary>
    public static StabilitySystem LimitCycle { get; } = new("limit-cycle", "Limit cycle",
        "TanhRnn, n = 20, g = 1.8, p_c = 0.1, seed 5, τ = 1",
        new TanhRnn(Weights.SparseGaussian(20, 1.8, 0.1, null, CanonicalSystems.LimitCycleSeed)),
        CanonicalSystems.LimitCycle.InitialStates(1), new Rk4(0.1),
        new LyapunovOptions { Transient = 200, Duration = 1000, Every = 10, Exponents = 4, Tolerance = 0.05 }, 1);

    /// <summary>Every system: ring, line, PTA and limit cycle.</summary>
    public static IReadOnlyList<StabilitySystem> All { get; } = [Ring, Line, Pta, LimitCycle];

    /// <summary>The system with key <paramref name="key"/>.</summary>
    public static StabilitySystem Get(string key) =>
        All.FirstOrDefault(s => s.Key == key)
        ?? throw new ArgumentException($"unknown system '{key}'; valid: {string.Join(", ", All.Select(s => s.Key))}.", nameof(key));
}
