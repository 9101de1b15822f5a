using System.Numerics;

namespace FastAttractors.Lyapunov;

/// <summary>
/// Real parts of the eigenvalues of a small dense matrix: the characteristic polynomial by Faddeev–LeVerrier, its
/// roots by the Durand–Kerner (Weierstrass) iteration. For the expected spectrum of a linear system of a few
/// dimensions (the one-fixed-point system), not for large or ill-conditioned matrices.
/// </summary>
internal static class EigenvalueRealParts
{
    /// <summary>Re λ_i of the row-major n × n matrix <paramref name="a"/>, descending.</summary>
    public static double[] Of(double[] a, int n)
    {
        var roots = Roots(CharacteristicPolynomial(a, n));
        return roots.Select(r => r.Real).OrderByDescending(v => v).ToArray();
    }

    /// <summary>
    /// Coefficients c_0..c_n of det(λI − A) = Σ c_k λ^(n−k), c_0 = 1, by M_k = A M_{k−1} + c_{k−1} I, c_k = −tr(A M_k) / k.
    /// </summary>
    private static double[] CharacteristicPolynomial(double[] a, int n)
    {
        var c = new double[n + 1];
        c[0] = 1;
        var m = new double[n * n];
        var am = new double[n * n];
        for (int k = 1; k <= n; k++)
        {
            // M_k = A M_{k-1} + c_{k-1} I, with M_0 = 0
            for (int i = 0; i < n; i++)
                m[i * n + i] += c[k - 1];
            Multiply(a, m, am, n);
            double trace = 0;
            for (int i = 0; i < n; i++)
                trace += am[i * n + i];
            c[k] = -trace / k;
            Array.Copy(am, m, m.Length);
        }
        return c;
    }

    private static void Multiply(double[] a, double[] b, double[] result, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < n; p++)
                    sum += a[i * n + p] * b[p * n + j];
                result[i * n + j] = sum;
            }
        }
    }

    /// <summary>Durand–Kerner on the monic polynomial; starting points on a circle of radius 1 + max |c_k| (Cauchy's bound).</summary>
    private static Complex[] Roots(double[] c)
    {
        int n = c.Length - 1;
        double radius = 1 + c.Skip(1).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var z = new Complex[n];
        for (int i = 0; i < n; i++)
            z[i] = Complex.FromPolarCoordinates(radius, 2 * Math.PI * i / n + 0.4); // off the real axis so conjugate pairs can split
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                Complex value = Evaluate(c, z[i]), denominator = Complex.One;
                for (int j = 0; j < n; j++)
                {
                    if (j != i)
                        denominator *= z[i] - z[j];
                }
                var step = value / denominator;
                z[i] -= step;
                change = Math.Max(change, step.Magnitude);
            }
            if (change < 1e-15 * radius)
                break;
        }
        return z;
    }

    private static Complex Evaluate(double[] c, Complex x)
    {
        Complex sum = c[0];
        for (int k = 1; k < c.Length; k++)
            sum = sum * x + c[k];
        return sum;
    }
}
