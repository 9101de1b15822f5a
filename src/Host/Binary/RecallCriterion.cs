namespace FastAttractors;

/// <summary>When a recall trial counts as a success (docs/results/sequence-capacity.md compares the two).</summary>
public enum RecallCriterion
{
    /// <summary>Every state after step s equals ξ(1 + s) for s = 1 … T (periodic) or 1 … T − 1 (open).</summary>
    ExactFromFirstStep,

    /// <summary>
    /// Within 5T steps the state equals a stored ξ(τ) and then follows the stored successors: for T further steps
    /// (periodic), or up to ξ(T) with τ &lt; T (open).
    /// </summary>
    ReachesSequence,
}
