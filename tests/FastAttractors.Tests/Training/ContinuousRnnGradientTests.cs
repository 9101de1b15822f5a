using FastAttractors.Training;
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
    private static readonly double[] Alphas = [0.02, 0.1, 0.25, 0.5, 0.9, 1.0];

    /// <summary>
    /// The discrete property's random cases (<see cref="BatchedRnnGradientProperties"/>) with T doubled (2–28 steps: a
    /// leaky network needs more steps to move) and α drawn from the seed. Tolerances as the discrete path's: loss
    /// |Δ| ≤ 1e-4 (1 + |L|), per block |Δg| ≤ 2e-4 |g| + 1e-6. Why they still hold: the leak h ← (1 − α) h + α(·) is a
    /// convex combination, so a rounding error in h is carried with weight 1 − α &lt; 1 and not amplified; each step adds
    /// one float32 dot product's worth (≲ 48 ulps ≈ 3e-6 relative) to the state, and the α-weighted sum of those stays
    /// ≲ 1e-5 relative; the gradient sums ≤ 28·9 terms per entry in float32 (~2e-5 relative).
    /// </summary>
    [Property(Arbitrary = [typeof(BatchedRnnGradientProperties.Arbs)], MaxTest = 60)]
    public void Batched_matches_reference(BatchedRnnGradientProperties.Case c)
    {
        var shape = new RnnShape(c.N, c.M, c.O);
        var dynamics = RnnDynamics.Continuous(Alphas[c.Seed % Alphas.Length]);
        var parameters = RnnCases.Parameters(shape, c.Seed);
        var batch = RnnCases.Batch(c.CrossEntropy ? TaskLoss.CrossEntropy : TaskLoss.SquaredError, 2 * c.Steps, c.Size, c.M, c.O, c.Seed);
        RnnCases.AssertBatchedMatchesReference(new BatchedRnnGradient(shape, threads: 2, dynamics), parameters, batch, dynamics, $"{c} α={dynamics.Alpha}");
    }

    /// <summary>
    /// |g − g_fd| ≤ 1e-6 |g_fd| per block, as the discrete check (<see cref="RnnGradientCheckTests"/>): with h = 1e-5 the
    /// truncation error ~h² |ℓ‴| ≈ 1e-10 and the rounding ~ε |L| / h ≈ 1e-11. Small α included: there the gradient
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
        RnnCases.AssertReferenceMatchesCentralDifferences(RnnCases.Parameters(shape, seed), RnnCases.Batch(loss, steps, size, m, o, seed),
            RnnDynamics.Continuous(alpha), $"{loss} α={alpha}");
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
