namespace FastAttractors;

/// <summary>
/// How to test recall (docs/results/sequence-capacity.md): each trial starts from ξ(1) with <see cref="FlippedBits"/> distinct visible bits
/// flipped, chosen by the counter RNG keyed by (seed, network, trial), so a trial has the same noise on every backend.
/// </summary>
public sealed record RecallOptions
{
    /// <summary>k: visible bits flipped in the start state, 0 ≤ k ≤ N.</summary>
    public int FlippedBits { get; init; } = 10;

    /// <summary>Trials per network.</summary>
    public int Trials { get; init; } = 10;

    /// <summary>What counts as a successful recall.</summary>
    public RecallCriterion Criterion { get; init; } = RecallCriterion.ExactFromFirstStep;

    /// <summary>With (network, trial), keys the counter RNG that picks the flipped bits.</summary>
    public ulong Seed { get; init; } = 2;

    /// <summary>
    /// The arithmetic of the ILGPU recall kernel: Float64 (default) steps as the Reference does; Float32 rounds weights
    /// once to float32 and sums fields in float32 (GPU throughput), exact on the dyadic grid, elsewhere a field within
    /// float32 rounding of 0 may take the other sign. The Reference and Simd paths ignore it.
    /// </summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <summary>
    /// 10 flipped bits, 10 trials, <see cref="RecallCriterion.ExactFromFirstStep"/>, seed 2, float64.
    /// </summary>
    public static RecallOptions Default { get; } = new();
}
