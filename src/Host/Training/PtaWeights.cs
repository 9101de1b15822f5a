using FastAttractors.Backends;

namespace FastAttractors.Training;

/// <summary>
/// PTA weights (Eq. 19) for an ensemble: member m's W = blockdiag(α_i R(θ_i)) with m = ⌈n/2⌉ blocks whose (α_i, θ_i)
/// are drawn uniformly from a <see cref="PtaRegion"/> (a cell, then a point in it), from the counter-based stream
/// (seed, member, <see cref="CounterRandom.Purpose.PtaFromScan"/>) with counters 3i, 3i + 1, 3i + 2 for block i. So a
/// member's W depends on the seed, its index and the region only: not on the ensemble size, the chunking or the backend.
/// </summary>
public static class PtaWeights
{
    /// <summary>The (α_i, θ_i) of member <paramref name="member"/>'s ⌈n/2⌉ blocks.</summary>
    public static (double[] Alphas, double[] Thetas) Blocks(PtaRegion region, int n, long member, long seed)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 1, got {n}.");
        if (member < 0)
            throw new ArgumentOutOfRangeException(nameof(member), member, $"member must be non-negative, got {member}.");
        ulong stream = CounterRandom.Stream(member, CounterRandom.Purpose.PtaFromScan);
        int blocks = (n + 1) / 2;
        var alphas = new double[blocks];
        var thetas = new double[blocks];
        for (int k = 0; k < blocks; k++)
        {
            ulong c = 3UL * (ulong)k;
            (alphas[k], thetas[k]) = region.Sample(CounterRandom.Uniform((ulong)seed, stream, c),
                CounterRandom.Uniform((ulong)seed, stream, c + 1), CounterRandom.Uniform((ulong)seed, stream, c + 2));
        }
        return (alphas, thetas);
    }

    /// <summary>
    /// W of every member: one matrix shared by all when <paramref name="members"/> is null (member 0's), else one per
    /// member (row-major n × n each).
    /// </summary>
    public static ParameterBlock Ensemble(PtaRegion region, int n, int? members, long seed, string name = "W")
    {
        ArgumentNullException.ThrowIfNull(region);
        return Weights.BlockRotations(n, members, name, m => Blocks(region, n, m, seed));
    }
}
