using FastAttractors.Training;

namespace FastAttractors.Degeneracy;

/// <summary>A fixed or slow point drawn in its network's principal plane.</summary>
/// <param name="Pc1">Coordinate on the first principal component.</param>
/// <param name="Pc2">Coordinate on the second principal component.</param>
/// <param name="IsFixedPoint">True for a fixed point, false for a slow point.</param>
/// <param name="Stability">Its stability class.</param>
public sealed record PlanePoint(double Pc1, double Pc2, bool IsFixedPoint, StabilityClass Stability);

/// <summary>
/// One network of a study: how it trained, how it behaves off distribution, its fixed points and their stability,
/// optional Lyapunov exponents, and its place in its condition's MDS map at each level.
/// </summary>
public sealed record NetworkAnalysis
{
    /// <summary>The network's 0-based number in the study's ensemble, across all conditions.</summary>
    public required int Index { get; init; }
    /// <summary>Label of its condition (width and regulariser).</summary>
    public required string Condition { get; init; }
    /// <summary>n: hidden units.</summary>
    public required int Width { get; init; }
    /// <summary>Label of its penalty (<see cref="RnnRegulariser.Label"/>).</summary>
    public required string Regulariser { get; init; }

    /// <summary>k: the network's number within its condition (seed = study seed + k).</summary>
    public required int Replicate { get; init; }
    /// <summary>Seed of its weights, data and minibatch order.</summary>
    public required long Seed { get; init; }
    /// <summary>How its training ended.</summary>
    public required EnsembleMemberStatus Status { get; init; }

    /// <summary>Why training or analysis failed (null when neither did).</summary>
    public string? Failure { get; init; }
    /// <summary>Updates taken.</summary>
    public required long Steps { get; init; }
    /// <summary>Its training log, in step order.</summary>
    public required IReadOnlyList<RnnEvaluation> Log { get; init; }
    /// <summary>Test loss at the last evaluation (NaN when there was none).</summary>
    public required double FinalTestLoss { get; init; }

    /// <summary>Mean task loss on the shared out-of-distribution trials (the behavioural level).</summary>
    public double OodLoss { get; init; } = double.NaN;

    /// <summary>‖W‖_F at the end.</summary>
    public double WeightNorm { get; init; } = double.NaN;

    /// <summary>‖W_T − W_0‖_F: how far training moved the recurrent weights (feature learning).</summary>
    public double WeightChange { get; init; } = double.NaN;

    /// <summary>Distinct fixed points found at zero input (0 when n &lt; 2 or the analysis stopped early).</summary>
    public int FixedPoints { get; init; }
    /// <summary>Fixed points classed <see cref="StabilityClass.Stable"/>.</summary>
    public int StableFixedPoints { get; init; }
    /// <summary>Fixed points classed <see cref="StabilityClass.Saddle"/>.</summary>
    public int SaddleFixedPoints { get; init; }
    /// <summary>Slow points found (slow but not fixed).</summary>
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
    /// <summary>MDS coordinates at the dynamics level (DSA distances); NaN as for <see cref="MdsBehaviour"/>.</summary>
    public (double X, double Y) MdsDynamics { get; init; } = (double.NaN, double.NaN);
    /// <summary>MDS coordinates at the weight level (relative weight distances); NaN as for <see cref="MdsBehaviour"/>.</summary>
    public (double X, double Y) MdsWeights { get; init; } = (double.NaN, double.NaN);
    /// <summary>MDS coordinates at the representation level (1 − CKA); NaN as for <see cref="MdsBehaviour"/>.</summary>
    public (double X, double Y) MdsRepresentation { get; init; } = (double.NaN, double.NaN);

    /// <summary>Trained to the threshold or the budget, and analysed without error: counted in the comparisons.</summary>
    public bool Usable => Status is EnsembleMemberStatus.Converged or EnsembleMemberStatus.Completed && Failure is null;
}

/// <summary>
/// Two usable networks of one condition compared at every level: |Δ OOD loss| (behaviour), DSA distance (dynamics),
/// permutation-invariant weight distance (weights; exact or the profile-matching upper bound) and linear CKA
/// (representations, on the shared analysis trials).
/// </summary>
/// <param name="Condition">The condition both networks belong to.</param>
/// <param name="First">Index of the first network (<see cref="NetworkAnalysis.Index"/>).</param>
/// <param name="Second">Index of the second network.</param>
/// <param name="Behaviour">|Δ OOD loss|.</param>
/// <param name="Dsa">DSA distance of their operators (NaN when either has none).</param>
/// <param name="WeightFrobenius">Permutation-invariant distance ‖W₁ − Pᵀ W₂ P‖_F.</param>
/// <param name="WeightPerParameter">That distance divided by n².</param>
/// <param name="WeightRelative">That distance divided by the mean of the two ‖W‖_F (NaN when both are zero).</param>
/// <param name="WeightExact">True when the weight distance is exact, false for the upper bound.</param>
/// <param name="Cka">Linear CKA of their hidden states on the shared trials, in [0, 1] (NaN when undefined).</param>
public sealed record NetworkPair(string Condition, int First, int Second, double Behaviour, double Dsa, double WeightFrobenius,
    double WeightPerParameter, double WeightRelative, bool WeightExact, double Cka);

/// <summary>
/// One condition's degeneracy at each level: behaviour = the standard deviation of the OOD loss across its usable
/// networks; dynamics, weights, representations = mean over its pairs (representations as 1 − CKA).
/// </summary>
/// <param name="Condition">The condition's label.</param>
/// <param name="Width">n: hidden units.</param>
/// <param name="Regulariser">Label of the penalty.</param>
/// <param name="Networks">Networks in the condition.</param>
/// <param name="Converged">Networks that stopped early at the loss threshold.</param>
/// <param name="Completed">Networks that used their whole budget.</param>
/// <param name="Diverged">Networks whose loss or gradient became non-finite.</param>
/// <param name="Failed">Networks stopped by an unexpected error.</param>
/// <param name="Usable">Networks counted in the comparisons (<see cref="NetworkAnalysis.Usable"/>).</param>
/// <param name="OodLossMean">Mean OOD loss of the usable networks (NaN when none).</param>
/// <param name="OodLossSd">Sample standard deviation of that loss (NaN with fewer than two).</param>
/// <param name="MeanDsa">Mean DSA distance over the pairs (finite values only; NaN when none).</param>
/// <param name="MeanWeightPerParameter">Mean per-parameter weight distance over the pairs.</param>
/// <param name="MeanWeightRelative">Mean relative weight distance over the pairs.</param>
/// <param name="MeanOneMinusCka">Mean 1 − CKA over the pairs.</param>
/// <param name="MeanFixedPoints">Mean number of fixed points of the usable networks.</param>
/// <param name="MeanStableFixedPoints">Mean number of stable fixed points of the usable networks.</param>
/// <param name="MeanFinalTestLoss">Mean final test loss of the usable networks.</param>
public sealed record ConditionSummary(string Condition, int Width, string Regulariser, int Networks, int Converged, int Completed, int Diverged,
    int Failed, int Usable, double OodLossMean, double OodLossSd, double MeanDsa, double MeanWeightPerParameter, double MeanWeightRelative,
    double MeanOneMinusCka, double MeanFixedPoints, double MeanStableFixedPoints, double MeanFinalTestLoss);

/// <summary>Everything a study produced.</summary>
/// <param name="Spec">The study that was run.</param>
/// <param name="Networks">One row per network, grouped by condition.</param>
/// <param name="Pairs">Every pair of usable networks within each condition.</param>
/// <param name="Conditions">One summary per condition.</param>
/// <param name="TrainingSeconds">Wall-clock seconds spent training the ensemble.</param>
/// <param name="AnalysisSeconds">Wall-clock seconds spent on the analyses.</param>
public sealed record DegeneracyStudyResult(DegeneracyStudySpec Spec, IReadOnlyList<NetworkAnalysis> Networks, IReadOnlyList<NetworkPair> Pairs,
    IReadOnlyList<ConditionSummary> Conditions, double TrainingSeconds, double AnalysisSeconds);
