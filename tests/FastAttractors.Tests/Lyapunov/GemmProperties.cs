using FastAttractors.Lyapunov.Large;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The packed SIMD GEMM against a triple loop in float64, on shapes that are and are not multiples of the blocking.</summary>
public class GemmProperties
{
    /// <summary>
    /// Shapes from 1 up past one micro-tile (6 × 16) and one depth block (256), so edge tiles, padded strips and the
    /// accumulation across depth blocks are all hit; operand layouts row- or column-major; C with a wider row stride.
    /// </summary>
    public sealed record Shape(int M, int K, int N, bool AColumnMajor, bool BColumnMajor, int ExtraLdc, bool Accumulate, int Seed);

    public static class Arbs
    {
        public static Arbitrary<Shape> Shapes() =>
            (from m in Gen.Choose(1, 70)
             from k in Gen.OneOf(Gen.Choose(1, 40), Gen.Choose(250, 600))
             from n in Gen.Choose(1, 70)
             from ac in ArbMap.Default.GeneratorFor<bool>()
             from bc in ArbMap.Default.GeneratorFor<bool>()
             from extra in Gen.Choose(0, 5)
             from acc in ArbMap.Default.GeneratorFor<bool>()
             from seed in Gen.Choose(1, 1_000_000)
             select new Shape(m, k, n, ac, bc, extra, acc, seed)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 60)]
    public void Float64_gemm_matches_the_triple_loop(Shape s) => Check<double>(s, Math.Pow(2, -53));

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 60)]
    public void Float32_gemm_matches_the_triple_loop(Shape s) => Check<float>(s, Math.Pow(2, -24));

    [Fact]
    public void Large_parallel_product_matches_the_triple_loop()
    {
        // 2·300·520·70 flops crosses the parallel threshold and splits into several row and column tasks.
        Check<double>(new Shape(300, 520, 70, false, true, 3, true, 7), Math.Pow(2, -53));
        Check<float>(new Shape(70, 300, 520, true, false, 0, false, 8), Math.Pow(2, -24));
    }

    /// <summary>
    /// Each element of C is a dot product of length K (plus the old C when accumulating). Whatever the summation order,
    /// |fl(c) − c| ≤ γ_K Σ_p |a_ip b_pj| with γ_K = K u / (1 − K u) (Higham, Accuracy and Stability, §3.1); the float64
    /// triple loop carries the same bound at u = 2⁻⁵³, so the test allows the sum of both plus one more u for the final
    /// add of the old C, and nothing else: a wrong element, stride or edge would miss by O(1).
    /// </summary>
    private static void Check<T>(Shape s, double unitRoundoff) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var rng = new System.Random(s.Seed);
        var a = Enumerable.Range(0, s.M * s.K).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        var b = Enumerable.Range(0, s.K * s.N).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        int ldc = s.N + s.ExtraLdc;
        var c = Enumerable.Range(0, s.M * ldc).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        var before = (T[])c.Clone();
        var av = s.AColumnMajor ? StridedMatrix<T>.ColumnMajor(a, s.M, s.K) : StridedMatrix<T>.RowMajor(a, s.M, s.K);
        var bv = s.BColumnMajor ? StridedMatrix<T>.ColumnMajor(b, s.K, s.N) : StridedMatrix<T>.RowMajor(b, s.K, s.N);
        Gemm.Multiply(av, bv, c, 0, ldc, s.Accumulate);
        double gamma = s.K * unitRoundoff / (1 - s.K * unitRoundoff) + s.K * Math.Pow(2, -53) + unitRoundoff;
        for (int i = 0; i < s.M; i++)
        {
            for (int j = 0; j < ldc; j++)
            {
                double actual = double.CreateTruncating(c[i * ldc + j]);
                double old = double.CreateTruncating(before[i * ldc + j]);
                if (j >= s.N)
                {
                    Assert.True(actual == old, $"{s}: C[{i}, {j}] past the last column was written");
                    continue;
                }
                double expected = s.Accumulate ? old : 0, magnitude = s.Accumulate ? Math.Abs(old) : 0;
                for (int p = 0; p < s.K; p++)
                {
                    double term = double.CreateTruncating(av[i, p]) * double.CreateTruncating(bv[p, j]);
                    expected += term;
                    magnitude += Math.Abs(term);
                }
                Assert.True(Math.Abs(actual - expected) <= gamma * magnitude,
                    $"{s}: C[{i}, {j}] = {actual}, triple loop {expected}, bound {gamma * magnitude:E2}");
            }
        }
    }
}
