namespace FastAttractors.Tests.Support;

/// <summary>
/// Real parts of eigenvalues by the textbook unshifted QR iteration A ← R Q (Gram–Schmidt QR), written here
/// independently of the library (which uses the characteristic polynomial): A_k tends to a quasi-triangular form whose
/// 1 × 1 and 2 × 2 diagonal blocks hold the eigenvalues. Slow (linear convergence) but ample for 6 × 6.
/// </summary>
public static class UnshiftedQr
{
    public static double[] RealParts(double[] matrix, int n, int iterations = 20_000)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = matrix[i * n + j];
        for (int it = 0; it < iterations; it++)
        {
            var (q, r) = GramSchmidt(a, n);
            a = Multiply(r, q, n);
        }
        var re = new List<double>();
        for (int i = 0; i < n;)
        {
            if (i + 1 < n && Math.Abs(a[i + 1, i]) > 1e-9)
            {
                // 2 × 2 block: eigenvalues (t ± √(t² − 4d)) / 2 with t the trace and d the determinant.
                double t = a[i, i] + a[i + 1, i + 1], d = a[i, i] * a[i + 1, i + 1] - a[i, i + 1] * a[i + 1, i];
                double disc = t * t - 4 * d;
                re.Add(disc < 0 ? t / 2 : (t + Math.Sqrt(disc)) / 2);
                re.Add(disc < 0 ? t / 2 : (t - Math.Sqrt(disc)) / 2);
                i += 2;
            }
            else
            {
                re.Add(a[i, i]);
                i += 1;
            }
        }
        return re.OrderByDescending(v => v).ToArray();
    }

    private static (double[,] Q, double[,] R) GramSchmidt(double[,] a, int n)
    {
        var q = new double[n, n];
        var r = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            var v = new double[n];
            for (int i = 0; i < n; i++)
                v[i] = a[i, c];
            for (int p = 0; p < c; p++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++)
                    dot += q[i, p] * a[i, c];
                r[p, c] = dot;
                for (int i = 0; i < n; i++)
                    v[i] -= dot * q[i, p];
            }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            r[c, c] = norm;
            for (int i = 0; i < n; i++)
                q[i, c] = v[i] / norm;
        }
        return (q, r);
    }

    private static double[,] Multiply(double[,] x, double[,] y, int n)
    {
        var z = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < n; p++)
                    s += x[i, p] * y[p, j];
                z[i, j] = s;
            }
        return z;
    }
}
