namespace FastAttractors.Degeneracy;

/// <summary>Small dense-matrix helpers (row-major double[,]) for the degeneracy analyses.</summary>
internal static class Dense
{
    public static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }

    /// <summary>A B.</summary>
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int rows = a.GetLength(0), inner = a.GetLength(1), cols = b.GetLength(1);
        var c = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < inner; k++)
            {
                double aik = a[i, k];
                if (aik == 0) continue;
                for (int j = 0; j < cols; j++)
                    c[i, j] += aik * b[k, j];
            }
        }
        return c;
    }

    /// <summary>
    /// Aᵀ B, as <see cref="Multiply"/> of the transpose: each entry is summed over the shared index in the same order,
    /// so the bits are those of a direct Aᵀ B loop.
    /// </summary>
    public static double[,] TransposeMultiply(double[,] a, double[,] b) => Multiply(Transpose(a), b);

    /// <summary>A rows × cols matrix from its row-major flat form (entry (i, j) at i·cols + j).</summary>
    public static double[,] FromRowMajor(ReadOnlySpan<double> flat, int rows, int cols)
    {
        var a = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                a[i, j] = flat[i * cols + j];
        return a;
    }

    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                t[j, i] = a[i, j];
        return t;
    }

    /// <summary>⟨A, B⟩ = Σ a_ij b_ij.</summary>
    public static double Inner(double[,] a, double[,] b)
    {
        double sum = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                sum += a[i, j] * b[i, j];
        return sum;
    }

    public static double FrobeniusNorm(double[,] a) => Math.Sqrt(Inner(a, a));

    /// <summary>A random orthogonal n × n matrix: Gram–Schmidt (twice, for orthogonality to rounding) of a Gaussian matrix.</summary>
    public static double[,] RandomOrthogonal(int n, System.Random rng)
    {
        var q = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                q[i, j] = Normal(rng);
        OrthonormaliseColumns(q);
        return q;
    }

    /// <summary>Modified Gram–Schmidt on the columns, applied twice ("twice is enough", Giraud et al. 2005).</summary>
    public static void OrthonormaliseColumns(double[,] q)
    {
        int n = q.GetLength(0), k = q.GetLength(1);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int j = 0; j < k; j++)
            {
                for (int p = 0; p < j; p++)
                {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += q[i, p] * q[i, j];
                    for (int i = 0; i < n; i++) q[i, j] -= dot * q[i, p];
                }
                double norm = 0;
                for (int i = 0; i < n; i++) norm += q[i, j] * q[i, j];
                norm = Math.Sqrt(norm);
                for (int i = 0; i < n; i++) q[i, j] /= norm;
            }
        }
    }

    public static double Normal(System.Random rng)
    {
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
