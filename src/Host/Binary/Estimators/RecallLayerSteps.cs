namespace FastAttractors.Binary.Estimators;

/// <summary>
/// How <see cref="BatchedTrials"/> did its work: trial steps taken straight from an anchor (the state was a stored
/// pattern: no arithmetic), layer steps (one or two per trial step) done by anchored deltas or dense products, and the
/// anchors whose fields were computed. For tests (the anchored path must really run, anchors are computed only when
/// used) and for the W7 figures.
/// </summary>
internal readonly record struct RecallLayerSteps(long Anchored, long Delta, long Dense, long Anchors)
{
    public static RecallLayerSteps operator +(RecallLayerSteps a, RecallLayerSteps b) =>
        new(a.Anchored + b.Anchored, a.Delta + b.Delta, a.Dense + b.Dense, a.Anchors + b.Anchors);
}
