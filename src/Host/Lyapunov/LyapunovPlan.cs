using FastAttractors.Backends;
using FastAttractors.Models;

namespace FastAttractors.Lyapunov;

/// <summary>
/// A validated Lyapunov request, checked once on the host. The run is a whole number of QR intervals of
/// <see cref="Every"/> steps: <see cref="TransientIntervals"/> that only orient Q, then <see cref="AccumulateIntervals"/>
/// whose log |R_ii| are summed into <see cref="Blocks"/> consecutive blocks.
/// </summary>
internal sealed record LyapunovPlan(
    EnsembleProblem Problem,
    IModelBinding Binding,
    double Dt,
    int K,
    int Every,
    long TransientIntervals,
    long AccumulateIntervals,
    int Blocks,
    double Tolerance,
    Precision Precision,
    int? ChunkMembers,
    ISolver Solver) : EnsemblePlan(Problem, Binding, Solver)
{
    public bool FullSpectrum => K == N;
    public long TotalIntervals => TransientIntervals + AccumulateIntervals;
    public double IntervalTime => Every * Dt;
    public double AccumulationTime => AccumulateIntervals * IntervalTime;
    public double TransientTime => TransientIntervals * IntervalTime;

    /// <summary>The block an accumulation interval (0-based, after the transient) contributes to; blocks differ by at most one interval.</summary>
    public int BlockOf(long accumulateInterval) => (int)(accumulateInterval * Blocks / AccumulateIntervals);

    /// <summary>QR intervals in block <paramref name="block"/>.</summary>
    public long IntervalsInBlock(int block) => FirstIntervalOf(block + 1) - FirstIntervalOf(block);

    /// <summary>The first accumulation interval j with ⌊j·B/I⌋ = block, i.e. ⌈block·I/B⌉.</summary>
    private long FirstIntervalOf(int block) => (block * AccumulateIntervals + Blocks - 1) / Blocks;

    /// <summary>The starting tangent frame (n × k, column-major), shared by all members.</summary>
    public double[] InitialTangents() => Lyapunov.InitialTangents.Create(N, K);

    public static LyapunovPlan Create(EnsembleProblem problem, ISolver solver, LyapunovOptions? options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solver);
        options ??= LyapunovOptions.Default;
        var binding = BindingOf(problem, solver);
        int n = problem.Dimension;
        int k = options.Exponents ?? n;
        if (k < 1 || k > n)
            throw new ArgumentOutOfRangeException(nameof(options), k, $"Exponents (k) must be between 1 and n = {n}, got {k}.");
        if (options.Every < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Every, $"Every must be at least 1 step, got {options.Every}.");
        if (!double.IsFinite(options.Transient) || options.Transient < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Transient, $"Transient must be finite and non-negative, got {options.Transient}.");
        if (!double.IsFinite(options.Duration) || options.Duration <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Duration, $"Duration must be finite and positive, got {options.Duration}.");
        if (options.Blocks < 10)
            throw new ArgumentOutOfRangeException(nameof(options), options.Blocks, $"Blocks must be at least 10, got {options.Blocks}.");
        if (!(options.Tolerance > 0))
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, $"Tolerance must be positive, got {options.Tolerance}.");
        CheckPrecisionAndChunk(options.Precision, options.ChunkMembers, nameof(options));

        double interval = options.Every * solver.StepSize;
        // A slack of 1e-9 intervals keeps "Transient = 100, dt = 0.01, Every = 10" at exactly 1000 intervals. Both counts
        // and the steps they make are checked: a saturated count used to wrap negative and skip the whole run.
        long transient = StepCounts.Ceiling(options.Transient, interval, "Transient");
        long accumulate = StepCounts.Round(options.Duration, interval, "Duration");
        if (accumulate < options.Blocks)
            throw new ArgumentOutOfRangeException(nameof(options), options.Duration,
                $"Duration {options.Duration} holds {accumulate} QR intervals of {interval} (Every = {options.Every} steps × step {solver.StepSize}); "
                + $"at least Blocks = {options.Blocks} are needed for the standard errors.");
        StepCounts.Multiply(StepCounts.Add(transient, accumulate, "Transient + Duration"), options.Every, "Transient + Duration");
        // BlockOf computes interval · Blocks in 64 bits (on the device too).
        if (options.Blocks > (long.MaxValue - options.Blocks) / accumulate)
            throw new ArgumentOutOfRangeException(nameof(options), options.Blocks,
                $"Blocks = {options.Blocks} over {accumulate} QR intervals is more blocks than can be indexed; use fewer blocks or a shorter Duration.");
        var plan = new LyapunovPlan(problem, binding, solver.StepSize, k, options.Every, transient, accumulate, options.Blocks,
            options.Tolerance, options.Precision, options.ChunkMembers, solver);
        EnsureFits(n, k, problem.Members, options.Blocks, extraValues: 0);
        return plan;
    }

    /// <summary>
    /// Refuses, naming members (or n when one member is already too much), a run whose work arrays cannot be held here,
    /// from the sizes alone: callers that are about to build a large problem (n² weights per member) check first, with
    /// the values they will build as <paramref name="extraValues"/>, so that nothing large is allocated or drawn in vain.
    /// <paramref name="fewerMembers"/> replaces the advice given when the members are too many.
    /// </summary>
    public static void EnsureFits(int n, int k, long members, int blocks, double extraValues, string? fewerMembers = null)
    {
        // Per member: state and RK4 work (≈ 6 n), tangent frame and RK4 work (≈ 4 n k), block sums (B k) and results.
        double perMember = 6.0 * n + 4.0 * n * k + (double)blocks * k + 4.0 * k + 8;
        string what = $"the Lyapunov work arrays (n = {n}, k = {k}, {blocks} blocks)";
        HostMemory.EnsureFits(perMember + extraValues / Math.Max(1, members), (double)n * k, what + " of a single member", "n", n,
            "Ask for fewer exponents (k) or a smaller network.");
        HostMemory.EnsureFits(perMember * members + extraValues, (double)blocks * k * members, what, "members", members,
            fewerMembers ?? HostMemory.FewerMembers);
    }
}
