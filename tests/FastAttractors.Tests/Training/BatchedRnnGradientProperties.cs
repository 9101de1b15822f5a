using FastAttractors.Training;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>
/// The float32 batched path against the float64 Reference over random shapes (n 1–48, m 1–5, o 1–6, T 1–14, B 1–9),
/// parameters, inputs and both losses. Tolerances: loss |Δ| ≤ 1e-4 (1 + |L|); per block |Δg| ≤ 2e-4 |g| + 1e-6.
/// Why: float32 rounds at 6e-8; a length-48 dot product loses at most ~48 ulps (3e-6) per step, tanh (|tanh'| ≤ 1)
/// does not amplify, and ≤ 14 steps give ≲ 5e-5; the gradient sums ≤ 14·9 terms per entry in float32 (another
/// ~1e-5 relative). The absolute 1e-6 covers blocks whose gradient is tiny.
/// </summary>
public class BatchedRnnGradientProperties
{
    public sealed record Case(int N, int M, int O, int Steps, int Size, bool CrossEntropy, int Seed)
    {
        public override string ToString() => $"n={N} m={M} o={O} T={Steps} B={Size} {(CrossEntropy ? "CE" : "SE")} seed={Seed}";
    }

    public static class Arbs
    {
        public static Arbitrary<Case> Cases() =>
            (from n in Gen.Choose(1, 48)
             from m in Gen.Choose(1, 5)
             from o in Gen.Choose(1, 6)
             from t in Gen.Choose(1, 14)
             from b in Gen.Choose(1, 9)
             from ce in Gen.Elements(true, false)
             from seed in Gen.Choose(0, 1_000_000)
             select new Case(n, m, o, t, b, ce, seed)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 60)]
    public void Batched_matches_reference(Case c)
    {
        var shape = new RnnShape(c.N, c.M, c.O);
        var parameters = RnnCases.Parameters(shape, c.Seed);
        var batch = RnnCases.Batch(c.CrossEntropy ? TaskLoss.CrossEntropy : TaskLoss.SquaredError, c.Steps, c.Size, c.M, c.O, c.Seed);
        RnnCases.AssertBatchedMatchesReference(new BatchedRnnGradient(shape, threads: 2), parameters, batch, RnnDynamics.Discrete, c.ToString());
    }

    [Fact]
    public void Batched_is_bitwise_the_same_for_any_thread_count()
    {
        var shape = new RnnShape(41, 3, 4);   // T·B·n² above the serial threshold: the parallel loops run
        var parameters = RnnCases.Parameters(shape, 5);
        var batch = RnnCases.Batch(TaskLoss.CrossEntropy, 12, 17, 3, 4, 5);
        var one = new double[shape.Count];
        var many = new double[shape.Count];
        var l1 = new BatchedRnnGradient(shape, threads: 1).Compute(parameters, batch, one);
        var l4 = new BatchedRnnGradient(shape, threads: 4).Compute(parameters, batch, many);
        Assert.Equal(l1, l4);
        Assert.Equal(one, many);
    }

    [Fact]
    public void Mismatched_batch_is_rejected_naming_the_argument()
    {
        var shape = new RnnShape(4, 3, 2);
        var batch = RnnCases.Batch(TaskLoss.CrossEntropy, 3, 2, 5, 2, 1);
        var e = Assert.Throws<ArgumentException>(() => new BatchedRnnGradient(shape).Compute(RnnCases.Parameters(shape, 1), batch, null));
        Assert.Equal("batch", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>("hidden", () => new RnnShape(0, 1, 1));
    }
}
