namespace FastAttractors.Degeneracy;

/// <summary>
/// The plane of the first two principal components of a network's states (mean-centred, from the eigenvectors of the
/// n × n covariance): where fixed points are drawn together with the trajectories they organise.
/// </summary>
public sealed class PrincipalPlane
{
    private readonly double[] mean;
    private readonly double[,] axes; // n × 2

    private PrincipalPlane(double[] mean, double[,] axes, double explained)
    {
        this.mean = mean;
        this.axes = axes;
        ExplainedVariance = explained;
    }

    /// <summary>Fraction of the states' variance in the plane (0 … 1).</summary>
    public double ExplainedVariance { get; }

    /// <summary>The plane of the rows of <paramref name="states"/> (samples × n, n ≥ 2).</summary>
    public static PrincipalPlane Fit(double[,] states)
    {
        Require.NotNull(states, nameof(states));
        int samples = states.GetLength(0), n = states.GetLength(1);
        Require.AtLeast(n, 2, "state dimension");
        Require.AtLeast(samples, 2, "samples");
        var mean = new double[n];
        for (int s = 0; s < samples; s++)
            for (int j = 0; j < n; j++)
                mean[j] += states[s, j] / samples;
        var covariance = new double[n, n];
        for (int s = 0; s < samples; s++)
        {
            for (int i = 0; i < n; i++)
            {
                double di = states[s, i] - mean[i];
                for (int j = i; j < n; j++)
                    covariance[i, j] += di * (states[s, j] - mean[j]);
            }
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                covariance[i, j] = covariance[j, i];
        var eigen = SymmetricEigen.Decompose(covariance);
        var axes = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            axes[i, 0] = eigen.Vectors[i, 0];
            axes[i, 1] = eigen.Vectors[i, 1];
        }
        double total = eigen.Values.Sum(v => Math.Max(v, 0));
        double explained = total > 0 ? (Math.Max(eigen.Values[0], 0) + Math.Max(eigen.Values[1], 0)) / total : 0;
        return new PrincipalPlane(mean, axes, explained);
    }

    /// <summary>The coordinates of state <paramref name="h"/> on PC1 and PC2.</summary>
    public (double Pc1, double Pc2) Project(ReadOnlySpan<double> h)
    {
        double a = 0, b = 0;
        for (int j = 0; j < mean.Length; j++)
        {
            double d = h[j] - mean[j];
            a += d * axes[j, 0];
            b += d * axes[j, 1];
        }
        return (a, b);
    }
}
