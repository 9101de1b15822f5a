using FastAttractors.Backends;

namespace FastAttractors;

/// <summary>Constructors for the recurrent weight matrices of the papers (row-major n × n).</summary>
public static class Weights
{
    /// <summary>
    /// Sparse Gaussian W of Eq. S3: W_ij ~ N(0, g² / (p_c n)) with probability p_c, else 0; drawn per member from
    /// counter-based streams, so member m's matrix does not depend on how many members are drawn.
    /// </summary>
    /// <param name="members">null for one matrix shared by all members.</param>
    public static ParameterBlock SparseGaussian(int n, double g, double connectivity, int? members, long seed, bool zeroDiagonal = false, string name = "W")
    {
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 1, got {n}.");
        if (!double.IsFinite(g) || g < 0)
            throw new ArgumentOutOfRangeException(nameof(g), g, $"g must be finite and non-negative, got {g}.");
        if (!(connectivity > 0 && connectivity <= 1))
            throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, $"connectivity must be in (0, 1], got {connectivity}.");
        if (members is < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        double std = g / Math.Sqrt(connectivity * n);
        int count = members ?? 1;
        HostMemory.EnsureFits((double)n * n * count, $"W (n = {n}, n² per member)", nameof(members), members);
        var values = new double[(long)n * n * count];
        Parallel.For(0, count, m =>
        {
            ulong maskStream = CounterRandom.Stream(m, CounterRandom.Purpose.Mask);
            ulong weightStream = CounterRandom.Stream(m, CounterRandom.Purpose.Weights);
            for (int k = 0; k < n * n; k++)
            {
                bool diagonal = k / n == k % n;
                bool present = !(zeroDiagonal && diagonal) && CounterRandom.Uniform((ulong)seed, maskStream, (ulong)k) < connectivity;
                values[(long)k * count + m] = present ? std * CounterRandom.Normal((ulong)seed, weightStream, (ulong)k) : 0.0;
            }
        });
        return members is null ? ParameterBlock.Shared(name, values) : ParameterBlock.PerMemberSoa(name, n * n, count, values);
    }

    /// <summary>
    /// Block-rotation W of Eq. 19: blockdiag(α_i R(θ_i)) with R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]]. For odd n the
    /// last 1 × 1 block is α cos θ of one more pair, the real part of that block's eigenvalue.
    /// </summary>
    public static double[] BlockRotation(IReadOnlyList<double> alphas, IReadOnlyList<double> thetas, int n)
    {
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 1, got {n}.");
        int blocks = (n + 1) / 2;
        if (alphas.Count != blocks || thetas.Count != blocks)
            throw new ArgumentException($"n = {n} needs {blocks} (α, θ) pairs, got {alphas.Count} α and {thetas.Count} θ.", nameof(alphas));
        var w = new double[n * n];
        for (int k = 0; k < blocks; k++)
        {
            double a = alphas[k], t = thetas[k];
            if (!double.IsFinite(a) || !double.IsFinite(t))
                throw new ArgumentException($"block {k}: α = {a}, θ = {t} must be finite.", nameof(alphas));
            int i = 2 * k;
            if (i + 1 < n)
            {
                w[i * n + i] = a * Math.Cos(t);
                w[i * n + i + 1] = -a * Math.Sin(t);
                w[(i + 1) * n + i] = a * Math.Sin(t);
                w[(i + 1) * n + i + 1] = a * Math.Cos(t);
            }
            else
            {
                w[i * n + i] = a * Math.Cos(t);
            }
        }
        return w;
    }

    /// <summary>
    /// PTA initialisation (Eq. 19): block rotations with (α_i, θ_i) drawn uniformly from a rectangle of the
    /// (α, θ) plane, per member from counter-based streams. The scan capability supplies the zero-exponent region.
    /// </summary>
    public static ParameterBlock Pta(int n, (double Min, double Max) alpha, (double Min, double Max) theta, int? members, long seed, string name = "W")
    {
        if (!(alpha.Min <= alpha.Max) || !(theta.Min <= theta.Max))
            throw new ArgumentException($"PTA ranges must be ordered and finite: α {alpha}, θ {theta}.", nameof(alpha));
        int blocks = (n + 1) / 2;
        return BlockRotations(n, members, name, m =>
        {
            ulong stream = CounterRandom.Stream(m, CounterRandom.Purpose.Angles);
            var alphas = new double[blocks];
            var thetas = new double[blocks];
            for (int k = 0; k < blocks; k++)
            {
                alphas[k] = alpha.Min + (alpha.Max - alpha.Min) * CounterRandom.Uniform((ulong)seed, stream, (ulong)(2 * k));
                thetas[k] = theta.Min + (theta.Max - theta.Min) * CounterRandom.Uniform((ulong)seed, stream, (ulong)(2 * k + 1));
            }
            return (alphas, thetas);
        });
    }

    /// <summary>
    /// One <see cref="BlockRotation"/> W per member from that member's (α_i, θ_i) (<paramref name="anglesOf"/>, called
    /// in parallel), or member 0's shared by all when <paramref name="members"/> is null: the ensemble half of every
    /// block-rotation initialisation (<see cref="Pta"/>, <c>PtaWeights.Ensemble</c>), which differ only in how the
    /// angles are drawn.
    /// </summary>
    internal static ParameterBlock BlockRotations(int n, int? members, string name, Func<int, (double[] Alphas, double[] Thetas)> anglesOf)
    {
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least 1, got {n}.");
        if (members is < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        int count = members ?? 1;
        HostMemory.EnsureFits(2.0 * n * n * count, $"W (n = {n}, n² per member, built row by row)", nameof(members), members);
        var rows = new double[count][];
        Parallel.For(0, count, m =>
        {
            var (alphas, thetas) = anglesOf(m);
            rows[m] = BlockRotation(alphas, thetas, n);
        });
        return members is null ? ParameterBlock.Shared(name, rows[0]) : ParameterBlock.PerMemberRows(name, rows);
    }
}
