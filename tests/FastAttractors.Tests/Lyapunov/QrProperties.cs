using System.Numerics;
using FastAttractors.Lyapunov;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The QRs the estimators use, against a classical Gram–Schmidt-free oracle: Q R reproduces A, Qᵀ Q = I.</summary>
public class QrProperties
{
    /// <summary>
    /// A random n × k matrix whose columns are scaled by 10^(−s·c/k): condition numbers up to 10^s, like a tangent
    /// frame whose contracting directions shrank between re-orthonormalisations.
    /// </summary>
    private static double[] Frame(int n, int k, int seed, double decades)
    {
        var rng = new System.Random(seed);
        var a = new double[n * k];
        for (int c = 0; c < k; c++)
        {
            double scale = Math.Pow(10, -decades * c / Math.Max(1, k));
            for (int i = 0; i < n; i++)
                a[c * n + i] = scale * (rng.NextDouble() * 2 - 1);
        }
        return a;
    }

    private static Arbitrary<(int N, int K, int Seed, double Decades)> Shapes() =>
        (from n in Gen.Choose(1, 40)
         from k in Gen.Choose(1, n)
         from seed in Gen.Choose(0, 100_000)
         from decades in Gen.Choose(0, 8)
         select (n, k, seed, (double)decades)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property Householder_reconstructs_and_is_orthonormal() => Prop.ForAll(Shapes(), s =>
    {
        var a = Frame(s.N, s.K, s.Seed, s.Decades);
        var q = (double[])a.Clone();
        var r = new double[s.K];
        HouseholderQr.Factor(q, s.N, s.K, r, new double[s.N * s.K + s.N]);
        // |R_jj| is the norm of column j's component orthogonal to columns 0..j−1: recompute it by projection.
        for (int j = 0; j < s.K; j++)
        {
            var residual = a.AsSpan(j * s.N, s.N).ToArray();
            for (int i = 0; i < j; i++)
            {
                double dot = 0;
                for (int t = 0; t < s.N; t++)
                    dot += q[i * s.N + t] * a[j * s.N + t];
                for (int t = 0; t < s.N; t++)
                    residual[t] -= dot * q[i * s.N + t];
            }
            double norm = Math.Sqrt(residual.Sum(v => v * v));
            // Backward stability: errors of order ε ‖A‖ = 1e-16 × √n; column j's own scale can be 1e-8 of ‖A‖.
            if (Math.Abs(Math.Abs(r[j]) - norm) > 1e-12 * Math.Sqrt(s.N))
                return false;
        }
        return MaxOrthogonalityError(q, s.N, s.K) < 1e-13;
    });

    [Property(MaxTest = 60)]
    public Property Lane_Gram_Schmidt_matches_Householder_in_every_lane() => Prop.ForAll(Shapes(), s =>
    {
        int lanes = Vector<double>.Count;
        var frames = Enumerable.Range(0, lanes).Select(l => Frame(s.N, s.K, s.Seed + l, s.Decades)).ToArray();
        var tile = new Vector<double>[s.N * s.K];
        var lane = new double[lanes];
        for (int p = 0; p < s.N * s.K; p++)
        {
            for (int l = 0; l < lanes; l++)
                lane[l] = frames[l][p];
            tile[p] = new Vector<double>(lane);
        }
        var r = new Vector<double>[s.K];
        LaneGramSchmidt.Factor<double>(tile, s.N, s.K, r);
        for (int l = 0; l < lanes; l++)
        {
            var q = (double[])frames[l].Clone();
            var rh = new double[s.K];
            HouseholderQr.Factor(q, s.N, s.K, rh, new double[s.N * s.K + s.N]);
            for (int j = 0; j < s.K; j++)
            {
                // Both are backward stable: |R_jj| agree to ε‖A‖ (‖A‖ ≤ √n); log|R_jj| is what the estimators keep.
                if (Math.Abs(r[j][l] - Math.Abs(rh[j])) > 1e-12 * Math.Sqrt(s.N))
                    return false;
            }
            var ql = new double[s.N * s.K];
            for (int p = 0; p < s.N * s.K; p++)
                ql[p] = tile[p][l];
            // MGS applied twice: ‖QᵀQ − I‖ = O(ε) whatever the conditioning (up to 1e8 here).
            if (MaxOrthogonalityError(ql, s.N, s.K) > 1e-13)
                return false;
        }
        return true;
    });

    private static double MaxOrthogonalityError(double[] q, int n, int k)
    {
        double worst = 0;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                double dot = 0;
                for (int t = 0; t < n; t++)
                    dot += q[a * n + t] * q[b * n + t];
                worst = Math.Max(worst, Math.Abs(dot - (a == b ? 1 : 0)));
            }
        return worst;
    }
}
