// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
using FastAttractors.Training;

namespace FastAttractors.Degeneracy;

/// <summary>A fixed or slow point drawn in its network's principal plane.</summary>
public sealed record PlanePoint(double Pc1, double Pc2, bool IsFixedPoint, StabilityClass Stability);

/// <summary>
/// One network of a study: how it trained, how it behaves off distribution, its fixed points and their stability,
/// optional Lyapunov exponents, and its place in its condition's MDS map at each level.
/// </summary>
public sealed record NetworkAnalysis
{
    public required int Index { get; init; }
    public required string Condition { get; init; }
    public required int Width { get; init; }
    public required string Regulariser { get; init; }

    /// <summary>k: the network's number within its condition (seed = study seed + k).</summary>
    public required int Replicate { get; init; }
    public required long Seed { get; init; }
    public required EnsembleMemberStatus Status { get; init; }

    /// <summary>Why training or analysis failed (null when neither did).</summary>
    public string? Failure { get; init; }
    public required long Steps { get; init; }
    public required IReadOnlyList<RnnEvaluation> Log { get; init; }
    public required double FinalTestLoss { get; init; }

    /// <summary>Mean task loss on the shared out-of-distribution trials (the behavioural level).</summary>
    public double OodLoss { get; init; } = double.NaN;

    /// <summary>‖W‖_F at the end.</summary>
    public double WeightNorm { get; init; } = double.NaN;

    /// <summary>‖W_T − W_0‖_F: how far training moved the recurrent weights (feature learning).</summary>
    public double WeightChange { get; init; } = double.NaN;

    public int FixedPoints { get; init; }
    public int StableFixedPoints { get; init; }
    public int SaddleFixedPoints { get; init; }
    public int SlowPoints { get; init; }

    /// <summary>Leading Lyapunov exponents of the autonomous map (per step); empty when not asked for.</summary>
    public double[] Exponents { get; init; } = [];

    /// <summary>Fraction of the state variance in the first two principal components.</summary>
    public double PlaneExplained { get; init; } = double.NaN;

    /// <summary>The first analysis trials' states in the principal plane (for drawing).</summary>
    public IReadOnlyList<(double Pc1, double Pc2)> Trajectory { get; init; } = [];

    /// <summary>The fixed and slow points in the principal plane.</summary>
    public IReadOnlyList<PlanePoint> PlanePoints { get; init; } = [];

    /// <summary>MDS coordinates within the condition at each level (NaN when the network is not usable or the
    /// condition has fewer than two usable networks).</summary>
    public (double X, double Y) MdsBehaviour { get; init; } = (double.NaN, double.NaN);
    public (double X, double Y) MdsDynamics { get; init; } = (double.NaN, double.NaN);
    public (double X, double Y) MdsWeights { get; init; } = (double.NaN, double.NaN);
    public (double X, double Y) MdsRepresentation { get; init; } = (double.NaN, double.NaN);

    /// <summary>Trained to the threshold or the budget, and analysed without error: counted in the comparisons.</summary>
    public bool Usable => Status is EnsembleMemberStatus.Converged or EnsembleMemberStatus.Completed && Failure is null;
}

/// <summary>
/// Two usable networks of one condition compared at every level: |Δ OOD loss| (behaviour), DSA distance (dynamics),
/// permutation-invariant weight distance (weights; exact or the profile-matching upper bound) and linear CKA
/// (representations, on the shared analysis trials).
/// </summary>
public sealed record NetworkPair(string Condition, int First, int Second, double Behaviour, double Dsa, double WeightFrobenius,
    double WeightPerParameter, double WeightRelative, bool WeightExact, double Cka);

/// <summary>
/// One condition's degeneracy at each level: behaviour = the standard deviation of the OOD loss across its usable
/// networks; dynamics, weights, representations = mean over its pairs (representations as 1 − CKA).
/// </summary>
public sealed record ConditionSummary(string Condition, int Width, string Regulariser, int Networks, int Converged, int Completed, int Diverged,
    int Failed, int Usable, double OodLossMean, double OodLossSd, double MeanDsa, double MeanWeightPerParameter, double MeanWeightRelative,
    double MeanOneMinusCka, double MeanFixedPoints, double MeanStableFixedPoints, double MeanFinalTestLoss);

/// <summary>Everything a study produced.</summary>
public sealed record DegeneracyStudyResult(DegeneracyStudySpec Spec, IReadOnlyList<NetworkAnalysis> Networks, IReadOnlyList<NetworkPair> Pairs,
    IReadOnlyList<ConditionSummary> Conditions, double TrainingSeconds, double AnalysisSeconds);
