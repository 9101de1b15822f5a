using FastAttractors.Training;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>
/// The continuous-time network h_t = h_{t−1} + α (−h_{t−1} + W tanh(h_{t−1}) + U x_t + b), y_t = C tanh(h_t) + d:
/// the float64 Reference gradient against central differences, the float32 batched path against the Reference over
/// random shapes and α, α = 1 against the discrete network (the same recursion), and bad α or method refused by name.
/// </summary>
public class ContinuousRnnGradientTests
{
    public sealed record Case(int N, int M, int O, int Steps, int Size, bool CrossEntropy, double Alpha, int Seed)
    {
        public override string ToString() => $"n={N} m={M} o={O} T={Steps} B={Size} {(CrossEntropy ? "CE" : "SE")} α={Alpha} seed={Seed}";
    }

    public static class Arbs
    {
        public static Arbitrary<Case> Cases() =>
            (from n in Gen.Choose(1, 48)
             from m in Gen.Choose(1, 5)
             from o in Gen.Choose(1, 6)
             from t in Gen.Choose(1, 30)
             from b in Gen.Choose(1, 9)
             from ce in Gen.Elements(true, false)
             from alpha in Gen.Elements(0.02, 0.1, 0.25, 0.5, 0.9, 1.0)
             from seed in Gen.Choose(0, 1_000_000)
             select new Case(n, m, o, t, b, ce, alpha, seed)).ToArbitrary();
    }

    /// <summary>
    /// Tolerances as the discrete path's (<see cref="BatchedRnnGradientProperties"/>): loss |Δ| ≤ 1e-4 (1 + |L|), per
    /// block |Δg| ≤ 2e-4 |g| + 1e-6. Why they still hold with T up to 30: the leak h ← (1 − α) h + α(·) is a convex
    /// combination, so a rounding error in h is carried with weight (1 − α) &lt; 1 and not amplified; each step adds
    /// one float32 dot product's worth (≲ 48 ulps ≈ 3e-6 relative) to the state, and the α-weighted sum of those over the
    /// steps stays ≲ 1e-5 relative; the gradient sums ≤ 30·9 terms per entry in float32 (~2e-5 relative).
    /// </summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 60)]
    public void Batched_matches_reference(Case c)
    {
        var shape = new RnnShape(c.N, c.M, c.O);
        var dynamics = RnnDynamics.Continuous(c.Alpha);
        var parameters = RnnCases.Parameters(shape, c.Seed);
        var batch = RnnCases.Batch(c.CrossEntropy ? TaskLoss.CrossEntropy : TaskLoss.SquaredError, c.Steps, c.Size, c.M, c.O, c.Seed);
        var reference = new double[shape.Count];
        var fast = new double[shape.Count];
        var lr = ReferenceRnnGradient.Compute(parameters, batch, reference, dynamics);
        var lf = new BatchedRnnGradient(shape, threads: 2, dynamics).Compute(parameters, batch, fast);
        Assert.True(Math.Abs(lf.Mean - lr.Mean) <= 1e-4 * (1 + Math.Abs(lr.Mean)), $"{c}: loss {lf.Mean} vs {lr.Mean}");
        Assert.Equal(lr.Scored, lf.Scored);
        foreach (var (name, offset, length) in shape.Blocks)
        {
            double error = 0, norm = 0;
            for (int p = offset; p < offset + length; p++)
            {
                error += (fast[p] - reference[p]) * (fast[p] - reference[p]);
                norm += reference[p] * reference[p];
            }
            Assert.True(Math.Sqrt(error) <= 2e-4 * Math.Sqrt(norm) + 1e-6, $"{c} {name}: |Δg| = {Math.Sqrt(error):e3}, |g| = {Math.Sqrt(norm):e3}");
        }
    }

    /// <summary>
    /// |g − g_fd| ≤ 1e-6 |g_fd| per block, as the discrete check (<see cref="RnnGradientCheckTests"/>): with h = 1e-5 the
    /// truncation error ~h² |ℓ'''| ≈ 1e-10 and the rounding ~ε |L| / h ≈ 1e-11. Small α included: there the gradient
    /// is small (the state moves little per step) but the check is relative per block.
    /// </summary>
    [Theory]
    [InlineData(TaskLoss.CrossEntropy, 5, 3, 4, 12, 3, 0.1, 11)]
    [InlineData(TaskLoss.SquaredError, 5, 3, 2, 12, 3, 0.5, 12)]
    [InlineData(TaskLoss.CrossEntropy, 1, 1, 2, 6, 1, 1.0, 13)]
    [InlineData(TaskLoss.SquaredError, 6, 2, 3, 20, 2, 0.05, 14)]
    public void Reference_gradient_matches_central_differences(TaskLoss loss, int n, int m, int o, int steps, int size, double alpha, long seed)
    {
        var shape = new RnnShape(n, m, o);
        var dynamics = RnnDynamics.Continuous(alpha);
        var parameters = RnnCases.Parameters(shape, seed);
        var batch = RnnCases.Batch(loss, steps, size, m, o, seed);
        var gradient = new double[shape.Count];
        ReferenceRnnGradient.Compute(parameters, batch, gradient, dynamics);
        const double h = 1e-5;
        foreach (var (name, offset, length) in shape.Blocks)
        {
            double error = 0, norm = 0;
            for (int p = offset; p < offset + length; p++)
            {
                double saved = parameters.Values[p];
                parameters.Values[p] = saved + h;
                double up = ReferenceRnnGradient.Compute(parameters, batch, null, dynamics).Mean;
                parameters.Values[p] = saved - h;
                double down = ReferenceRnnGradient.Compute(parameters, batch, null, dynamics).Mean;
                parameters.Values[p] = saved;
                double fd = (up - down) / (2 * h);
                error += (gradient[p] - fd) * (gradient[p] - fd);
                norm += fd * fd;
            }
            Assert.True(norm > 1e-14, $"{name}: the finite-difference gradient vanishes, the check would be empty");
            Assert.True(Math.Sqrt(error) <= 1e-6 * Math.Sqrt(norm), $"{loss} α={alpha} {name}: |g − fd| = {Math.Sqrt(error):e3}, |fd| = {Math.Sqrt(norm):e3}");
        }
    }

    [Fact]
    public void Alpha_one_is_the_discrete_network()
    {
        // α = 1: h_t = W tanh(h_{t−1}) + U x_t + b and y_t = C tanh(h_t) + d, so r_t = tanh(h_t) obeys the discrete
        // recursion r_t = tanh(W r_{t−1} + U x_t + b) exactly; only h + 1·(pre − h) ≠ pre by rounding separates them.
        var shape = new RnnShape(7, 2, 3);
        var parameters = RnnCases.Parameters(shape, 21);
        var batch = RnnCases.Batch(TaskLoss.SquaredError, 9, 4, 2, 3, 21);
        var discrete = new double[shape.Count];
        var continuous = new double[shape.Count];
        var ld = ReferenceRnnGradient.Compute(parameters, batch, discrete);
        var lc = ReferenceRnnGradient.Compute(parameters, batch, continuous, RnnDynamics.Continuous(1.0));
        Assert.Equal(ld.Mean, lc.Mean, 12);
        for (int p = 0; p < shape.Count; p++)
            Assert.True(Math.Abs(discrete[p] - continuous[p]) <= 1e-12, $"θ[{p}]: {discrete[p]} vs {continuous[p]}");
        // A smaller α is another network: the loss differs.
        Assert.NotEqual(ld.Mean, ReferenceRnnGradient.Compute(parameters, batch, null, RnnDynamics.Continuous(0.1)).Mean, 6);
    }

    [Fact]
    public void Batched_continuous_is_bitwise_the_same_for_any_thread_count()
    {
        var shape = new RnnShape(41, 3, 4);   // T·B·n² above the serial threshold: the parallel loops run
        var dynamics = RnnDynamics.Continuous(0.2);
        var parameters = RnnCases.Parameters(shape, 5);
        var batch = RnnCases.Batch(TaskLoss.CrossEntropy, 12, 17, 3, 4, 5);
        var one = new double[shape.Count];
        var many = new double[shape.Count];
        var l1 = new BatchedRnnGradient(shape, threads: 1, dynamics).Compute(parameters, batch, one);
        var l4 = new BatchedRnnGradient(shape, threads: 4, dynamics).Compute(parameters, batch, many);
        Assert.Equal(l1, l4);
        Assert.Equal(one, many);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_alpha_is_refused_naming_it(double alpha)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RnnDynamics.Continuous(alpha));
        Assert.Equal("alpha", e.ParamName);
        Assert.Contains("(0, 1]", e.Message);
    }

    [Theory]
    [InlineData("rk4")]
    [InlineData("heun")]
    [InlineData("Euler")]
    public void Methods_other_than_euler_are_refused_naming_the_argument(string method)
    {
        var e = Assert.Throws<ArgumentException>(() => RnnDynamics.Continuous(0.1, method));
        Assert.Equal("method", e.ParamName);
        Assert.Contains(method, e.Message);
    }
}
