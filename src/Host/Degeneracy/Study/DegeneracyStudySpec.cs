using FastAttractors.Training;

namespace FastAttractors.Degeneracy;

/// <summary>Which pairs of networks a study compares.</summary>
public enum DegeneracyPairs
{
    /// <summary>Every pair within each condition (the networks share width and regulariser).</summary>
    Within,

    /// <summary>Every pair within each condition, then every pair of networks from two different conditions.</summary>
    All,
}

/// <summary>
/// A degeneracy study: one task × widths × regularisers (the conditions) × <see cref="Networks"/> networks per
/// condition, trained as one ensemble and then analysed per network and across the networks of each condition.
/// Network k of a condition has seed <see cref="Seed"/> + k, so conditions share seeds (paired designs) and a larger
/// study extends a smaller one.
/// </summary>
public sealed record DegeneracyStudySpec
{
    /// <summary>The task every network learns, with its out-of-distribution variant.</summary>
    public required DegeneracyTask Task { get; init; }

    /// <summary>Hidden sizes n, one condition each (times each regulariser).</summary>
    public IReadOnlyList<int> Widths { get; init; } = [32, 64];

    /// <summary>Penalties on W, one condition each (times each width).</summary>
    public IReadOnlyList<RnnRegulariser> Regularisers { get; init; } = [RnnRegulariser.None];

    /// <summary>Networks per condition.</summary>
    public int Networks { get; init; } = 4;

    /// <summary>First seed; network k of every condition uses Seed + k. The shared analysis trials use Seed itself.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The recurrence every network is trained and analysed as: the discrete map (default) or the
    /// continuous-time network with its α = dt/τ (<see cref="RnnDynamics"/>).</summary>
    public RnnDynamics Dynamics { get; init; } = RnnDynamics.Discrete;

    /// <summary>How W starts in every network.</summary>
    public RnnInitialisation Init { get; init; } = RnnInitialisation.Default;

    /// <summary>Adam's step size η for every network.</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>The training budget, early stopping and checkpoints shared by every network.</summary>
    public EnsembleOptions Training { get; init; } = new() { BatchSize = 32, TrainSize = 256, TestSize = 64, Epochs = 10, LossThreshold = 1e-3, Patience = 3 };

    /// <summary>Shared trials of the training task on which every network's hidden states are recorded (fixed-point
    /// starts, DSA trajectories, CKA samples): the same inputs for every network, so CKA compares like with like.</summary>
    public int AnalysisTrials { get; init; } = 8;

    /// <summary>Shared out-of-distribution trials scored for the behavioural level.</summary>
    public int OutOfDistributionTrials { get; init; } = 64;

    /// <summary>Fixed-point search starts per network (sampled from its states on the analysis trials, plus noise).</summary>
    public int FixedPointStarts { get; init; } = 32;

    /// <summary>Settings of the fixed-point search (its parallelism and seed are set per network).</summary>
    public FixedPointOptions FixedPoints { get; init; } = new() { MaxIterations = 100, StartNoise = 0.01 };

    /// <summary>DSA settings (fewer optimiser starts than the library default: a study has thousands of pairs).</summary>
    public DsaOptions Dsa { get; init; } = new() { RandomStarts = 2, MaxIterations = 500 };

    /// <summary>Networks at or below this width get the exact (enumerated) weight distance; wider ones the profile-matching upper bound.</summary>
    public int ExactWeightDistanceUpTo { get; init; } = 8;

    /// <summary>Leading Lyapunov exponents per network (0: none); computed by the caller-given estimator for discrete
    /// networks, by the library (Euler map, per step) for continuous ones.</summary>
    public int Exponents { get; init; }

    /// <summary>
    /// Leading Lyapunov exponents per network of the map driven by the task's inputs, h ← tanh(W h + U x_t + b) (a
    /// continuous network: its Euler steps h ← h + α (−h + W tanh(h) + U x_t + b), per step) (0:
    /// none; networks narrower than this get n and NaN for the rest). Computed by the library
    /// (<see cref="DrivenLyapunov"/>) on a drive shared by every network: the study seed's trials of the training task,
    /// back to back, from test index <see cref="DegeneracyStudy.DrivenTrialOffset"/> on.
    /// </summary>
    public int DrivenExponents { get; init; }

    /// <summary>Steps over which the driven exponents are averaged, after <see cref="DegeneracyStudy.LyapunovTransient"/>
    /// transient steps (the CLI's autonomous exponents use the same count).</summary>
    public int LyapunovIterations { get; init; } = 1000;

    /// <summary>Which pairs are compared: within each condition only (the default), or also every pair of networks from two
    /// different conditions (other width or regulariser, same task).</summary>
    public DegeneracyPairs Pairs { get; init; } = DegeneracyPairs.Within;

    /// <summary>Throws naming the field and its value, before anything is trained.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Task, nameof(Task));
        if (Widths is null || Widths.Count == 0)
            throw new ArgumentException("Widths must list at least one hidden size, got none.", nameof(Widths));
        foreach (int n in Widths)
        {
            if (n < 1 || n > 4096)
                throw new ArgumentOutOfRangeException(nameof(Widths), n, $"Widths: every width must be in [1, 4096], got {n}.");
        }
        if (Widths.Distinct().Count() != Widths.Count)
            throw new ArgumentException($"Widths must not repeat a width, got {string.Join(", ", Widths)}.", nameof(Widths));
        if (Regularisers is null || Regularisers.Count == 0)
            throw new ArgumentException("Regularisers must list at least one (RnnRegulariser.None for none), got none.", nameof(Regularisers));
        for (int r = 0; r < Regularisers.Count; r++)
            Regularisers[r].Validate($"Regularisers[{r}]");
        if (Regularisers.Select(r => r.Label).Distinct().Count() != Regularisers.Count)
            throw new ArgumentException($"Regularisers must not repeat one, got {string.Join(", ", Regularisers.Select(r => r.Label))}.", nameof(Regularisers));
        Check(Networks >= 1 && Networks <= 100_000, nameof(Networks), Networks, "in [1, 100000]");
        Check(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive and finite");
        Check(AnalysisTrials >= 1, nameof(AnalysisTrials), AnalysisTrials, "at least 1");
        Check(OutOfDistributionTrials >= 1, nameof(OutOfDistributionTrials), OutOfDistributionTrials, "at least 1");
        Check(FixedPointStarts >= 1, nameof(FixedPointStarts), FixedPointStarts, "at least 1");
        Check(ExactWeightDistanceUpTo >= 0 && ExactWeightDistanceUpTo <= PermutationWeightDistance.MaxExact, nameof(ExactWeightDistanceUpTo), ExactWeightDistanceUpTo,
            $"in [0, {PermutationWeightDistance.MaxExact}]");
        Check(Exponents >= 0, nameof(Exponents), Exponents, "non-negative");
        // Refused here, before any training, by every caller (CLI, C ABI, Python): the study would otherwise train
        // every network and only then fail in the analysis.
        if (Exponents > Widths.Min())
            throw new ArgumentOutOfRangeException(nameof(Exponents), Exponents,
                $"Exponents: at most the smallest width n = {Widths.Min()} (an n-unit network's autonomous map has n exponents), got {Exponents}.");
        Check(DrivenExponents >= 0, nameof(DrivenExponents), DrivenExponents, "non-negative");
        Check(LyapunovIterations >= 1, nameof(LyapunovIterations), LyapunovIterations, "at least 1");
        if (!Enum.IsDefined(Pairs))
            throw new ArgumentOutOfRangeException(nameof(Pairs), Pairs, $"Pairs must be Within or All, got {Pairs}.");
        ArgumentNullException.ThrowIfNull(Dynamics, nameof(Dynamics));
        ArgumentNullException.ThrowIfNull(Training, nameof(Training));
        Training.Validate();
        FixedPoints.Validate();
        Dsa.Validate();
    }

    /// <summary>The conditions in order: widths outer, regularisers inner.</summary>
    public IReadOnlyList<(int Width, RnnRegulariser Regulariser)> Conditions =>
        [.. Widths.SelectMany(n => Regularisers.Select(r => (n, r)))];

    /// <summary>The condition label of width n and penalty r, e.g. "n=64 none".</summary>
    public static string ConditionLabel(int width, RnnRegulariser regulariser) => $"n={width} {regulariser.Label}";

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}, got {value}.");
    }
}
