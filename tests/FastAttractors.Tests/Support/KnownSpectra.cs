namespace FastAttractors.Tests.Support;

/// <summary>
/// Matrices with eigenvalues known by construction, independent of the engine: A = P (D + U) Pᵀ with P a random
/// orthogonal matrix (Gram–Schmidt of a Gaussian matrix, done here), D block-diagonal (real eigenvalues, or 2 × 2
/// [[a, −b], [b, a]] blocks for a ± ib) and U strictly block-upper-triangular (non-normality that does not move them).
/// </summary>
public static class KnownSpectra
{
    /// <summary>A row-major n × n matrix and the real parts of its eigenvalues, each listed with its multiplicity.</summary>
    public static (double[] Matrix, double[] RealParts) Build(int n, long seed, double nonNormality, Func<System.Random, double> realPart, double complexFraction = 0.5)
    {
        var rng = new System.Random((int)seed);
        var core = new double[n, n];
        var re = new List<double>();
        int i = 0;
        while (i < n)
        {
            double a = realPart(rng);
            if (i + 1 < n && rng.NextDouble() < complexFraction)
            {
                double b = 0.2 + rng.NextDouble();
                core[i, i] = a; core[i, i + 1] = -b; core[i + 1, i] = b; core[i + 1, i + 1] = a;
                re.Add(a); re.Add(a);
                i += 2;
            }
            else
            {
                core[i, i] = a;
                re.Add(a);
                i += 1;
            }
        }
        for (int r = 0; r < n; r++)
            for (int c = r + 2; c < n; c++)
                core[r, c] = nonNormality * (rng.NextDouble() - 0.5);
        var p = RandomOrthogonal(n, rng);
        var m = new double[n * n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
            {
                double s = 0;
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++)
                        s += p[r, a] * core[a, b] * p[c, b];
                m[r * n + c] = s;
            }
        return (m, re.OrderByDescending(v => v).ToArray());
    }

    private static double[,] RandomOrthogonal(int n, System.Random rng)
    {
        var q = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            for (int r = 0; r < n; r++)
                q[r, c] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            for (int pass = 0; pass < 2; pass++)
                for (int prev = 0; prev < c; prev++)
                {
                    double dot = 0;
                    for (int r = 0; r < n; r++)
                        dot += q[r, prev] * q[r, c];
                    for (int r = 0; r < n; r++)
                        q[r, c] -= dot * q[r, prev];
                }
            double norm = Math.Sqrt(Enumerable.Range(0, n).Sum(r => q[r, c] * q[r, c]));
            for (int r = 0; r < n; r++)
                q[r, c] /= norm;
        }
        return q;
    }
}
