using FastAttractors.Lyapunov;

namespace FastAttractors;

/// <summary>
/// The five stereotypical systems of Fig. 3 (docs/results/five-systems.md; definitions from supplement S1, Eqs. S1–S3).
/// <para>
/// Time units: the linear and ReLU systems (Eq. S1 has no time constant) run in units of their unit time constant τ,
/// so their exponents are per τ and the expected spectra are the eigenvalues of the Jacobian at the attractor. The
/// tanh networks (Eq. S2, τ = 10 ms) run in seconds with τ = 0.01 s and dt = 1 ms (τ / 10), so their exponents are
/// per second (divide by 100 for per τ). Random draws use the engine's counter-based streams, so every system is
/// the same on every machine and backend.
/// </para>
/// </summary>
public static class CanonicalSystems
{
    /// <summary>Seed of A and of the initial states of <see cref="OneFixedPoint"/>.</summary>
    public const long OneFixedPointSeed = 1;

    /// <summary>
    /// Seed of W and of member 0's initial state of <see cref="Chaos"/>. Chosen by a scan of seeds 1–24 (λ1 from
    /// 5 s, then 40 s with 8 exponents on the Reference estimator): most networks of this size and sparsity settle on a
    /// fixed point or a cycle; 14 is the first whose λ1 is positive beyond 3 standard errors over 40 s
    /// (λ1 = 1.67 ± 0.15 s⁻¹, λ2 = 0.02 ± 0.11 s⁻¹, then −10.1, −12.2, … s⁻¹). The paper's network had 4
    /// positive exponents; this one has one.
    /// </summary>
    public const long ChaosSeed = 14;

    /// <summary>
    /// Seed of W and of member 0's initial state of <see cref="LimitCycle"/>. Chosen by a scan of seeds 1–40: 34 go to
    /// a stable fixed point, seed 2 is chaotic (λ1 ≈ 4.5 s⁻¹), seeds 5, 20, 24 and 39 reach a periodic orbit. 5 is the
    /// first of those: period 71.9 ms (7.2 τ; upward zero crossings of x_0 spaced 71.936–71.940 ms over t = 10–20 s),
    /// x_0 swinging over ±1.95, the state within 1.4·10⁻³ of itself after 16 periods; λ1 = −0.003 ± 0.015 s⁻¹ over
    /// 80 s, then a pair at −10.22 s⁻¹ (a strongly attracting cycle).
    /// </summary>
    public const long LimitCycleSeed = 5;

    /// <summary>
    /// Linear flow dx/dt = A x, n = 6, A = −0.5 I + N(0, 0.1²) entries: one global stable fixed point (Fig. 3A).
    /// Expected spectrum: Re eig(A), sorted (computed here from the characteristic polynomial).
    /// </summary>
    public static CanonicalSystem OneFixedPoint { get; } = CreateOneFixedPoint();

    /// <summary>
    /// ReLU network dx/dt = −x + ReLU(W x + 1), n = 6, W = [[.35, −1], [−1, .35]] ⊕ diag(−.01, −.02, −.03, −.01): two
    /// stable fixed points where one of units 1, 2 is active (Fig. 3B). At either, J = −I + diag(gate) W has the
    /// eigenvalues −0.65, −1 (the 2 × 2 block) and −1 + W_ii for the other four units: {−0.65, −1, −1.01, −1.01, −1.02, −1.03}.
    /// </summary>
    public static CanonicalSystem TwoFixedPoints { get; } = CreateTwoFixedPoints();

    /// <summary>
    /// ReLU network, n = 6, W = [[0, −1], [−1, 0]] ⊕ (−2 I₄), b = 1: the line of fixed points x1 + x2 = 1 (Fig. 3C).
    /// On it J = −I + W: {0, −2} from the block (0 along the line) and −3 four times. Initial states N(0.5, 0.25²) keep
    /// |x1 − x2| &lt; 1, so trajectories end inside the line with both units active.
    /// </summary>
    public static CanonicalSystem LineAttractor { get; } = CreateLineAttractor();

    /// <summary>
    /// Tanh network τ dx/dt = −x + W tanh(x), n = 100, τ = 10 ms, W sparse Gaussian (g = 1.8, p_c = 0.1, Eq. S3),
    /// seed <see cref="ChaosSeed"/> (Fig. 3D). Member 0 starts at x0 ~ N(0, 1); the others at x0 + N(0, 10⁻⁸) (S1.1).
    /// The leading 6 exponents only: the full 100 cost ~100× the state's work per step on the scalar estimator.
    /// </summary>
    public static CanonicalSystem Chaos { get; } = CreateChaos();

    /// <summary>
    /// Tanh network, n = 20, τ = 10 ms, g = 1.8, p_c = 0.1, seed <see cref="LimitCycleSeed"/>: a stable limit cycle
    /// (Fig. 3E). Initial states N(0, 1) (S1.1). Full spectrum.
    /// </summary>
    public static CanonicalSystem LimitCycle { get; } = CreateLimitCycle();

    /// <summary>The five in the order of Fig. 3 (A–E).</summary>
    public static IReadOnlyList<CanonicalSystem> All { get; } = [OneFixedPoint, TwoFixedPoints, LineAttractor, Chaos, LimitCycle];

    /// <summary>The system with <see cref="CanonicalSystem.Key"/> <paramref name="key"/>.</summary>
    public static CanonicalSystem Get(string key) =>
        All.FirstOrDefault(s => s.Key == key)
        ?? throw new ArgumentException($"unknown system '{key}'; valid: {string.Join(", ", All.Select(s => s.Key))}.", nameof(key));

    private const double Tau = 0.01, TanhDt = 0.001;

    private static CanonicalSystem CreateOneFixedPoint()
    {
        const int n = 6;
        // N(0, 0.1²) entries: the sparse Gaussian constructor with p_c = 1 has std g / √n.
        var a = (double[])Weights.SparseGaussian(n, 0.1 * Math.Sqrt(n), 1.0, null, OneFixedPointSeed, name: "A").Values.Clone();
        for (int i = 0; i < n; i++)
            a[i * n + i] -= 0.5;
        return new CanonicalSystem("one-fixed-point", "One fixed point", "Linear, n = 6, A = −0.5 I + N(0, 0.1²)",
            new Linear(ParameterBlock.Shared("A", a)), new Rk4(0.01),
            // A linear flow's exponents carry only the O(log κ / T) bias of the frame's alignment: ≈ 1e-4 at T = 1000.
            new LyapunovOptions { Transient = 10, Duration = 1000, Every = 10 },
            "τ", EigenvalueRealParts.Of(a, n), "Re eig(A)", members => FastAttractors.InitialStates.Normal(n, members, 1.0, OneFixedPointSeed));
    }

    private static CanonicalSystem CreateTwoFixedPoints()
    {
        var w = BlockDiagonal([[0.35, -1], [-1, 0.35]], [-0.01, -0.02, -0.03, -0.01]);
        return new CanonicalSystem("two-fixed-points", "Two fixed points",
            "ReluRnn, n = 6, W = [[.35, −1], [−1, .35]] ⊕ diag(−.01, −.02, −.03, −.01), b = 1",
            ReluRnn.Shared(w, Ones(6)), new Rk4(0.01), FixedPointOptions,
            "τ", [-0.65, -1, -1.01, -1.01, -1.02, -1.03], "all negative: {−0.65, −1, −1.01, −1.01, −1.02, −1.03}",
            members => FastAttractors.InitialStates.Normal(6, members, 1.0, seed: 2));
    }

    private static CanonicalSystem CreateLineAttractor()
    {
        var w = BlockDiagonal([[0, -1], [-1, 0]], [-2, -2, -2, -2]);
        return new CanonicalSystem("line-attractor", "Line attractor", "ReluRnn, n = 6, W = [[0, −1], [−1, 0]] ⊕ (−2 I₄), b = 1",
            ReluRnn.Shared(w, Ones(6)), new Rk4(0.01), FixedPointOptions,
            "τ", [0, -2, -3, -3, -3, -3], "{0, −2, −3, −3, −3, −3}",
            members => FastAttractors.InitialStates.Normal(6, members, 0.25, seed: 3, mean: 0.5));
    }

    private static CanonicalSystem CreateChaos()
    {
        const int n = 100;
        return new CanonicalSystem("chaos", "Chaos", "TanhRnn, n = 100, τ = 10 ms, g = 1.8, p_c = 0.1",
            TanhNetwork(n, ChaosSeed), new Rk4(TanhDt),
            // λ1 ≈ 1.7 s⁻¹ has a standard error ≈ 0.2 s⁻¹ over 20 s; the tolerance 0.5 s⁻¹ is 0.005 per τ.
            new LyapunovOptions { Transient = 2, Duration = 20, Every = 10, Exponents = 6, Tolerance = 0.5 },
            "s", null, "at least one positive exponent, one zero exponent",
            members =>
            {
                // S1.1: x0 random, the trajectories N(x0, 10⁻⁸); member 0 at x0 itself.
                var x0 = FastAttractors.InitialStates.Normal(n, 1, 1.0, ChaosSeed);
                var jitter = FastAttractors.InitialStates.Normal(n, members, 1e-4, ChaosSeed + 1);
                var x = new double[(long)n * members];
                for (int i = 0; i < n; i++)
                {
                    for (int m = 0; m < members; m++)
                        x[(long)i * members + m] = x0[i] + (m == 0 ? 0 : jitter[(long)i * members + m]);
                }
                return x;
            });
    }

    private static CanonicalSystem CreateLimitCycle()
    {
        const int n = 20;
        return new CanonicalSystem("limit-cycle", "Limit cycle", "TanhRnn, n = 20, τ = 10 ms, g = 1.8, p_c = 0.1",
            TanhNetwork(n, LimitCycleSeed), new Rk4(TanhDt),
            new LyapunovOptions { Transient = 10, Duration = 40, Every = 10, Tolerance = 0.5 },
            "s", null, "one zero exponent, the rest negative",
            members => FastAttractors.InitialStates.Normal(n, members, 1.0, LimitCycleSeed));
    }

    // Exponents 0.01 apart (−1, −1.01, −1.02, …) separate their tangent directions on a time scale 1 / 0.01 = 100 τ: a
    // 500 τ transient aligns the frame first (measured max error 6e-5; with a 50 τ transient it was 4.5e-3 at T = 1000).
    private static LyapunovOptions FixedPointOptions => new() { Transient = 500, Duration = 1000, Every = 10 };

    private static TanhRnn TanhNetwork(int n, long seed) =>
        new(Weights.SparseGaussian(n, 1.8, 0.1, null, seed), tau: ParameterBlock.Shared("tau", [Tau]));

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    /// <summary>The 2 × 2 block in the top-left corner, then the diagonal entries.</summary>
    private static double[,] BlockDiagonal(double[][] block, double[] diagonal)
    {
        int n = 2 + diagonal.Length;
        var w = new double[n, n];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
                w[i, j] = block[i][j];
        }
        for (int i = 0; i < diagonal.Length; i++)
            w[2 + i, 2 + i] = diagonal[i];
        return w;
    }
}
