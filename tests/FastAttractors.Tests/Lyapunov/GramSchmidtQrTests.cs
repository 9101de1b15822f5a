using FastAttractors.Lyapunov;
using FastAttractors.Lyapunov.Large;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>CGS2 against the float64 Householder oracle, on well-conditioned and strongly graded blocks.</summary>
public class GramSchmidtQrTests
{
    [Theory]
    [InlineData(1, 1, 0.0)]
    [InlineData(40, 40, 0.0)]
    [InlineData(130, 17, 0.0)]
    [InlineData(300, 64, 0.0)]
    [InlineData(200, 50, 8.0)]
    public void Float64_matches_Householder(int n, int k, double decades)
    {
        var a = Block(n, k, decades, seed: n + k);
        var (q, r) = Householder(a, n, k);
        var mine = (double[])a.Clone();
        var rMine = new double[k];
        GramSchmidtQr.Factor<double>(mine, n, k, rMine, new double[k]);
        // Householder and CGS2 are both backward stable for these full-rank blocks: |R_ii| and the columns of Q (up
        // to sign) agree to a few hundred ulps of the largest entry, relative to each column's own scale for R.
        for (int i = 0; i < k; i++)
            Assert.True(Math.Abs(rMine[i] - Math.Abs(r[i])) <= 1e-12 * Math.Abs(r[i]) * Math.Pow(10, decades / 2),
                $"n = {n}, k = {k}: |R_{i}{i}| = {rMine[i]}, Householder {Math.Abs(r[i])}");
        for (int c = 0; c < k; c++)
        {
            double sign = Math.Sign(Dot(mine, q, n, c, c));
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(mine[c * n + i] - sign * q[c * n + i]) <= 1e-10, $"n = {n}, k = {k}: Q[{i}, {c}]");
        }
        AssertOrthonormal(mine, n, k, 1e-14 * n);
    }

    [Fact]
    public void Float32_is_orthonormal_and_matches_Householder()
    {
        int n = 512, k = 64;
        var a = Block(n, k, 4.0, seed: 3);
        var (_, r) = Householder(a, n, k);
        var mine = a.Select(v => (float)v).ToArray();
        var rMine = new double[k];
        GramSchmidtQr.Factor<float>(mine, n, k, rMine, new float[k]);
        // Float32 input rounding alone moves column c by 2⁻²⁴ relative; projecting out earlier columns 10⁴ times
        // larger (4 decades of grading) amplifies that to ~1e-7 · 10⁴ relative on the smallest R_ii: 1e-3 bounds it.
        for (int i = 0; i < k; i++)
            Assert.True(Math.Abs(rMine[i] - Math.Abs(r[i])) <= 1e-3 * Math.Abs(r[i]), $"|R_{i}{i}| = {rMine[i]}, Householder {Math.Abs(r[i])}");
        // The second pass restores orthogonality to O(n u) whatever the grading: n u = 512 · 6e-8 = 3e-5.
        AssertOrthonormal(mine.Select(v => (double)v).ToArray(), n, k, 3e-5);
    }

    /// <summary>A Gaussian n × k block whose column c is scaled by 10^(−decades · c / k): strongly contracted tangents.</summary>
    private static double[] Block(int n, int k, double decades, int seed)
    {
        var rng = new System.Random(seed);
        var a = new double[n * k];
        for (int c = 0; c < k; c++)
        {
            double scale = Math.Pow(10, -decades * c / k);
            for (int i = 0; i < n; i++)
                a[c * n + i] = scale * (rng.NextDouble() * 2 - 1 + (i == c ? 0.5 : 0));
        }
        return a;
    }

    private static (double[] Q, double[] R) Householder(double[] a, int n, int k)
    {
        var q = (double[])a.Clone();
        var r = new double[k];
        HouseholderQr.Factor(q, n, k, r, new double[n * k + n]);
        return (q, r);
    }

    private static double Dot(double[] x, double[] y, int n, int cx, int cy)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
            s += x[cx * n + i] * y[cy * n + i];
        return s;
    }

    private static void AssertOrthonormal(double[] q, int n, int k, double tolerance)
    {
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double expected = a == b ? 1 : 0;
                double dot = Dot(q, q, n, a, b);
                Assert.True(Math.Abs(dot - expected) <= tolerance, $"QᵀQ[{a}, {b}] = {dot}");
            }
        }
    }
}
