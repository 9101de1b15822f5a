using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Lyapunov;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The kernels' QR (modified Gram–Schmidt twice) against Householder QR on random ill-conditioned frames.</summary>
public class GramSchmidtTests
{
    /// <summary>A = U diag(σ) Vᵀ (n × k, column-major), U and V random orthonormal, σ geometric from 1 to 1/κ.</summary>
    private static double[] IllConditioned(int n, int k, double kappa, int seed)
    {
        var rng = new System.Random(seed);
        double[] Orthonormal(int rows, int cols)
        {
            var g = new double[rows * cols];
            for (int p = 0; p < g.Length; p++)
                g[p] = rng.NextDouble() - 0.5;
            HouseholderQr.Factor(g, rows, cols, new double[cols], new double[rows * cols + rows]);
            return g;
        }
        var u = Orthonormal(n, k);
        var v = Orthonormal(k, k);
        var a = new double[n * k];
        for (int s = 0; s < k; s++)
        {
            double sigma = k == 1 ? 1 : Math.Pow(kappa, -(double)s / (k - 1));
            for (int c = 0; c < k; c++)
                for (int r = 0; r < n; r++)
                    a[c * n + r] += u[s * n + r] * sigma * v[s * k + c];
        }
        return a;
    }

    private static double[] Mgs2<T>(double[] a, int n, int k, double[] logR) where T : unmanaged, IReal<T>
    {
        var frame = a.Select(T.FromDouble).ToArray();
        for (int j = 0; j < k; j++)
            logR[j] = GramSchmidt.Column<T, ArrayFrame<T>>(new ArrayFrame<T>(frame, n), n, j);
        return frame.Select(t => t.ToDouble()).ToArray();
    }

    private static double MaxOrthogonalityError(double[] q, int n, int k)
    {
        double worst = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double dot = 0;
                for (int r = 0; r < n; r++)
                    dot += q[i * n + r] * q[j * n + r];
                worst = Math.Max(worst, Math.Abs(dot - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    [Property(MaxTest = 200)]
    public void Mgs2_float64_matches_householder_on_ill_conditioned_frames(PositiveInt seed, PositiveInt size, PositiveInt condition)
    {
        int n = 1 + size.Get % 40, k = 1 + seed.Get % n;
        double kappa = Math.Pow(10, condition.Get % 11); // κ up to 1e10
        var a = IllConditioned(n, k, kappa, seed.Get);
        var householder = (double[])a.Clone();
        var r = new double[k];
        HouseholderQr.Factor(householder, n, k, r, new double[n * k + n]);
        var logR = new double[k];
        var q = Mgs2<Real64>(a, n, k, logR);

        // "Twice is enough": with κ·ε < 1 the second pass restores orthogonality to a small multiple of n·ε.
        Assert.InRange(MaxOrthogonalityError(q, n, k), 0, 50 * n * 1.1e-16);
        for (int j = 0; j < k; j++)
        {
            // Both are backward stable (A + E, ‖E‖ ≲ n ε ‖A‖): R_jj ≥ σ_min = 1/κ moves by ≲ n ε ‖A‖, relatively ≤ n ε κ,
            // and Q's columns, equal up to the sign of Householder's R_jj, by the same amount.
            double bound = 50 * n * 1.1e-16 * kappa;
            Assert.InRange(Math.Abs(logR[j] - Math.Log(Math.Abs(r[j]))), 0, bound);
            double sign = Math.Sign(r[j]);
            for (int row = 0; row < n; row++)
                Assert.InRange(Math.Abs(q[j * n + row] - sign * householder[j * n + row]), 0, bound);
        }
    }

    [Property(MaxTest = 100)]
    public void Mgs2_float32_is_orthonormal_to_float32_rounding(PositiveInt seed, PositiveInt size, PositiveInt condition)
    {
        int n = 1 + size.Get % 40, k = 1 + seed.Get % n;
        double kappa = Math.Pow(10, condition.Get % 5); // κ·ε32 < 1: up to 1e4
        var a = IllConditioned(n, k, kappa, seed.Get);
        var r = new double[k];
        HouseholderQr.Factor((double[])a.Clone(), n, k, r, new double[n * k + n]);
        var logR = new double[k];
        var q = Mgs2<Real32>(a, n, k, logR);
        // float32 ε = 6e-8; float32 rounding of A itself moves R_jj relatively by ≲ n ε κ.
        Assert.InRange(MaxOrthogonalityError(q, n, k), 0, 50 * n * 6e-8);
        for (int j = 0; j < k; j++)
            Assert.InRange(Math.Abs(logR[j] - Math.Log(Math.Abs(r[j]))), 0, 50 * n * 6e-8 * kappa);
    }
}
