namespace FastAttractors.Tests.Degeneracy;

/// <summary>Random and structured matrices for the degeneracy tests, built here independently of the library.</summary>
internal static class DegeneracyMatrices
{
    public static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static double[,] Gaussian(int rows, int cols, Random rng, double scale = 1)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                m[i, j] = scale * Normal(rng);
        return m;
    }

    /// <summary>Orthonormal columns by classical Gram–Schmidt run twice on a Gaussian matrix.</summary>
    public static double[,] Orthogonal(int n, Random rng)
    {
        var q = Gaussian(n, n, rng);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int p = 0; p < j; p++)
                {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += q[i, p] * q[i, j];
                    for (int i = 0; i < n; i++) q[i, j] -= dot * q[i, p];
                }
                double norm = 0;
                for (int i = 0; i < n; i++) norm += q[i, j] * q[i, j];
                for (int i = 0; i < n; i++) q[i, j] /= Math.Sqrt(norm);
            }
        }
        return q;
    }

    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int rows = a.GetLength(0), inner = a.GetLength(1), cols = b.GetLength(1);
        var c = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int k = 0; k < inner; k++)
                for (int j = 0; j < cols; j++)
                    c[i, j] += a[i, k] * b[k, j];
        return c;
    }

    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                t[j, i] = a[i, j];
        return t;
    }

    public static double[,] Diagonal(params double[] d)
    {
        var m = new double[d.Length, d.Length];
        for (int i = 0; i < d.Length; i++) m[i, i] = d[i];
        return m;
    }

    public static double Frobenius(double[,] a)
    {
        double sum = 0;
        foreach (var v in a) sum += v * v;
        return Math.Sqrt(sum);
    }

    public static double[,] Scale(double[,] a, double s)
    {
        var m = (double[,])a.Clone();
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                m[i, j] *= s;
        return m;
    }

    /// <summary>Block-diagonal ρ_k·R(θ_k) rotation blocks: eigenvalues ρ_k e^{±iθ_k}.</summary>
    public static double[,] RotationBlocks(params (double Radius, double Angle)[] blocks)
    {
        int n = 2 * blocks.Length;
        var w = new double[n, n];
        for (int k = 0; k < blocks.Length; k++)
        {
            var (r, t) = blocks[k];
            w[2 * k, 2 * k] = r * Math.Cos(t); w[2 * k, 2 * k + 1] = -r * Math.Sin(t);
            w[2 * k + 1, 2 * k] = r * Math.Sin(t); w[2 * k + 1, 2 * k + 1] = r * Math.Cos(t);
        }
        return w;
    }
}
