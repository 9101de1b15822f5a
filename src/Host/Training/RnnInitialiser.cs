namespace FastAttractors.Training;

/// <summary>
/// Initial parameters of a discrete-time tanh RNN. U, b, C, d always start as PyTorch's defaults (uniform ±1/√n, the
/// readout's fan-in being n too); W follows <see cref="RnnInitialisation"/>. Every value is drawn from counter-based
/// streams of the seed, so a network does not depend on the thread count.
/// </summary>
public static class RnnInitialiser
{
    /// <summary>Draws the initial parameters of a network of the given shape.</summary>
    /// <param name="shape">Sizes of the network.</param>
    /// <param name="init">How W starts.</param>
    /// <param name="seed">Seed of the counter-based streams; the same seed gives the same network.</param>
    /// <param name="region">Where PTA draws (α, θ); null = <see cref="PtaRegion.DiscreteDefault"/>. Ignored unless <paramref name="init"/> is Pta.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="init"/> is not a defined value.</exception>
    public static RnnParameters Create(RnnShape shape, RnnInitialisation init, long seed, PtaRegion? region = null)
    {
        if (!Enum.IsDefined(init))
            throw new ArgumentOutOfRangeException(nameof(init), init, $"init must be Default, Orthogonal or Pta, got {init}.");
        int n = shape.Hidden;
        var values = new double[shape.Count];
        ulong stream = CounterRandom.Stream(0, CounterRandom.Purpose.RnnInitialWeights);
        double bound = 1 / Math.Sqrt(n);
        for (int p = 0; p < values.Length; p++)
            values[p] = bound * (2 * CounterRandom.Uniform((ulong)seed, stream, (ulong)p) - 1);
        var parameters = new RnnParameters(shape, values);
        if (init == RnnInitialisation.Orthogonal)
            Orthogonal(n, seed).CopyTo(parameters.W);
        else if (init == RnnInitialisation.Pta)
            Pta(n, seed, region ?? PtaRegion.DiscreteDefault).CopyTo(parameters.W);
        return parameters;
    }

    /// <summary>Q of A = QR with A_ij ~ N(0, 1), columns multiplied by sign(R_jj) (Mezzadri 2007: then Q is Haar).</summary>
    public static double[] Orthogonal(int n, long seed)
    {
        ulong stream = CounterRandom.Stream(1, CounterRandom.Purpose.RnnInitialWeights);
        var q = new double[n * n];
        for (int k = 0; k < n * n; k++)
            q[k] = CounterRandom.Normal((ulong)seed, stream, (ulong)k);
        // Modified Gram–Schmidt on the columns, twice for orthogonality to rounding; R_jj > 0 after the first pass
        // equals sign-fixing Householder QR.
        for (int pass = 0; pass < 2; pass++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < j; k++)
                {
                    double dot = 0;
                    for (int i = 0; i < n; i++)
                        dot += q[i * n + k] * q[i * n + j];
                    for (int i = 0; i < n; i++)
                        q[i * n + j] -= dot * q[i * n + k];
                }
                double norm = 0;
                for (int i = 0; i < n; i++)
                    norm += q[i * n + j] * q[i * n + j];
                norm = Math.Sqrt(norm);
                for (int i = 0; i < n; i++)
                    q[i * n + j] /= norm;
            }
        }
        return q;
    }

    /// <summary>Eq. 19 with (α_i, θ_i) uniform over <paramref name="region"/> (odd n: a last 1 × 1 block α cos θ).</summary>
    public static double[] Pta(int n, long seed, PtaRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        ulong stream = CounterRandom.Stream(0, CounterRandom.Purpose.PtaBlocks);
        int blocks = (n + 1) / 2;
        var alphas = new double[blocks];
        var thetas = new double[blocks];
        for (int k = 0; k < blocks; k++)
        {
            ulong c = (ulong)(3 * k);
            (alphas[k], thetas[k]) = region.Sample(CounterRandom.Uniform((ulong)seed, stream, c),
                CounterRandom.Uniform((ulong)seed, stream, c + 1), CounterRandom.Uniform((ulong)seed, stream, c + 2));
        }
        return Weights.BlockRotation(alphas, thetas, n);
    }
}
