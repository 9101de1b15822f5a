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

    /// <summary>Its recurrence (<see cref="RnnDynamics.Label"/>: "discrete" or "continuous:α").</summary>
    public string Dynamics { get; init; } = RnnDynamics.Discrete.Label;

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

    /// <summary>Leading Lyapunov exponents of the autonomous map (per step; a continuous network's: of its Euler map
    /// h ← h + α (−h + W tanh(h) + b), per step); empty when not asked for.</summary>
    public double[] Exponents { get; init; } = [];

    /// <summary>Leading Lyapunov exponents of the map driven by the task's inputs (per step, largest first; NaN beyond n);
    /// empty when not asked for (<see cref="DegeneracyStudySpec.DrivenExponents"/>).</summary>
    public double[] DrivenExponents { get; init; } = [];

    /// <summary>
    /// DSA's noise floor for this network: the DSA distance between its operator on the shared analysis trials and its
    /// operator on a second, independent set of as many trials (the study seed's test trials from
    /// <see cref="DegeneracyStudy.SelfTrialOffset"/> on, the same for every network). Both fits see as much data as a
    /// pair's fits do, so a distance between two networks means something only where it exceeds both networks' values.
    /// NaN when either operator could not be fitted.
    /// </summary>
    public double DsaSelf { get; init; } = double.NaN;

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
/// Two usable networks compared at every level: |Δ OOD loss| (behaviour), DSA distance (dynamics),
/// permutation-invariant weight distance (weights; exact or the profile-matching upper bound) and linear CKA
/// (representations, on the shared analysis trials). Within a condition by default; with
/// <see cref="DegeneracyPairs.All"/> also across conditions (<see cref="SecondCondition"/> then differs).
/// DSA and CKA compare networks of any widths (the DSA operators are all rank × rank; CKA compares the states on the
/// same trials); the weight distance needs equal widths and is NaN for a pair of two widths.
/// </summary>
/// <param name="Condition">The first network's condition (for a within-condition pair, both networks').</param>
/// <param name="First">Index of the first network (<see cref="NetworkAnalysis.Index"/>).</param>
/// <param name="Second">Index of the second network.</param>
/// <param name="Behaviour">|Δ OOD loss|.</param>
/// <param name="Dsa">DSA distance of their operators (NaN when either has none).</param>
/// <param name="WeightFrobenius">Permutation-invariant distance ‖W₁ − Pᵀ W₂ P‖_F (NaN for networks of different widths:
/// no permutation maps one onto the other).</param>
/// <param name="WeightPerParameter">That distance divided by n² (NaN as above).</param>
/// <param name="WeightRelative">That distance divided by the mean of the two ‖W‖_F (NaN when both are zero, or as above).</param>
/// <param name="WeightExact">True when the weight distance is exact, false for the upper bound or when there is none.</param>
/// <param name="Cka">Linear CKA of their hidden states on the shared trials, in [0, 1] (NaN when undefined).</param>
public sealed record NetworkPair(string Condition, int First, int Second, double Behaviour, double Dsa, double WeightFrobenius,
    double WeightPerParameter, double WeightRelative, bool WeightExact, double Cka)
{
    /// <summary>The second network's condition: <see cref="Condition"/> for a within-condition pair.</summary>
    public string SecondCondition { get; init; } = Condition;

    /// <summary>The larger of the two networks' <see cref="NetworkAnalysis.DsaSelf"/>: the DSA noise floor the pair's
    /// distance must exceed (NaN when either is NaN).</summary>
    public double DsaSelfMax { get; init; } = double.NaN;

    /// <summary>True when the networks come from two different conditions.</summary>
    public bool CrossCondition => SecondCondition != Condition;

    /// <summary>True when <see cref="Dsa"/> exceeds <see cref="DsaSelfMax"/>; null when either is NaN.</summary>
    public bool? DsaAboveSelf => double.IsFinite(Dsa) && double.IsFinite(DsaSelfMax) ? Dsa > DsaSelfMax : null;
}

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
    double MeanOneMinusCka, double MeanFixedPoints, double MeanStableFixedPoints, double MeanFinalTestLoss)
{
    /// <summary>Mean <see cref="NetworkAnalysis.DsaSelf"/> of the usable networks (finite values only; NaN when none): the
    /// condition's DSA noise floor, to set beside <see cref="MeanDsa"/>.</summary>
    public double MeanDsaSelf { get; init; } = double.NaN;

    /// <summary>Fraction of the condition's pairs whose DSA distance exceeds the larger of the two networks' self-distances
    /// (over the pairs where all three are finite; NaN when there are none).</summary>
    public double DsaAboveSelf { get; init; } = double.NaN;
}

/// <summary>
/// The pairs between two different conditions of a study run with <see cref="DegeneracyPairs.All"/>, summarised like a
/// condition's pairs: how far apart the two conditions' solutions are at each level.
/// </summary>
/// <param name="FirstCondition">The earlier condition (widths outer, regularisers inner).</param>
/// <param name="SecondCondition">The later one.</param>
/// <param name="Pairs">Pairs of usable networks, one from each.</param>
/// <param name="MeanBehaviour">Mean |Δ OOD loss| over the pairs.</param>
/// <param name="MeanDsa">Mean DSA distance over the pairs (finite values only; NaN when none).</param>
/// <param name="DsaAboveSelf">Fraction of the pairs whose DSA exceeds the larger self-distance (as in <see cref="ConditionSummary.DsaAboveSelf"/>).</param>
/// <param name="MeanWeightRelative">Mean relative weight distance (NaN when the widths differ).</param>
/// <param name="MeanOneMinusCka">Mean 1 − CKA over the pairs.</param>
public sealed record CrossConditionSummary(string FirstCondition, string SecondCondition, int Pairs, double MeanBehaviour, double MeanDsa,
    double DsaAboveSelf, double MeanWeightRelative, double MeanOneMinusCka);

/// <summary>Everything a study produced.</summary>
/// <param name="Spec">The study that was run.</param>
/// <param name="Networks">One row per network, grouped by condition.</param>
/// <param name="Pairs">Every pair of usable networks within each condition, condition after condition; with
/// <see cref="DegeneracyPairs.All"/> followed by every pair across two conditions (condition pair after condition pair).</param>
/// <param name="Conditions">One summary per condition.</param>
/// <param name="TrainingSeconds">Wall-clock seconds spent training the ensemble.</param>
/// <param name="AnalysisSeconds">Wall-clock seconds spent on the analyses.</param>
public sealed record DegeneracyStudyResult(DegeneracyStudySpec Spec, IReadOnlyList<NetworkAnalysis> Networks, IReadOnlyList<NetworkPair> Pairs,
    IReadOnlyList<ConditionSummary> Conditions, double TrainingSeconds, double AnalysisSeconds)
{
    /// <summary>One summary per pair of different conditions, in pair order; empty unless the spec asked for
    /// <see cref="DegeneracyPairs.All"/>.</summary>
    public IReadOnlyList<CrossConditionSummary> CrossConditions { get; init; } = [];
}
