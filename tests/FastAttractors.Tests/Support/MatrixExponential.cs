namespace FastAttractors.Tests.Support;

/// <summary>exp(A) by scaling and squaring with a 30-term Taylor series: an independent float64 oracle for linear flows.</summary>
public static class MatrixExponential
{
    public static double[,] Exp(double[,] a)
    {
        int n = a.GetLength(0);
        double norm = 0;
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++)
                row += Math.Abs(a[i, j]);
            norm = Math.Max(norm, row);
        }
        int squarings = Math.Max(0, (int)Math.Ceiling(Math.Log2(Math.Max(norm, 1e-300))) + 4);
        double scale = Math.Pow(2, -squarings);
        var scaled = Scale(a, scale);
        var result = Identity(n);
        var term = Identity(n);
        for (int k = 1; k <= 30; k++)
        {
            term = Scale(Multiply(term, scaled), 1.0 / k);
            result = Add(result, term);
        }
        for (int s = 0; s < squarings; s++)
            result = Multiply(result, result);
        return result;
    }

    public static double[] Apply(double[,] m, double[] x)
    {
        int n = x.Length;
        var y = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                y[i] += m[i, j] * x[j];
        return y;
    }

    public static double[,] Scale(double[,] a, double s)
    {
        int n = a.GetLength(0);
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                r[i, j] = a[i, j] * s;
        return r;
    }

    private static double[,] Identity(int n)
    {
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            r[i, i] = 1;
        return r;
    }

    private static double[,] Add(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                r[i, j] = a[i, j] + b[i, j];
        return r;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int j = 0; j < n; j++)
                    r[i, j] += a[i, k] * b[k, j];
        return r;
    }
}
