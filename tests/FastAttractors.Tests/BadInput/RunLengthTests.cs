using FastAttractors.Lyapunov;
using Xunit;

namespace FastAttractors.Tests.BadInput;

/// <summary>
/// Step counts derived from user times are refused, naming the argument, when they cannot be counted exactly (above
/// 2⁵³): a saturating cast once turned Duration = 10¹⁹ into a run of no steps that reported λ = 0 with status ok.
/// </summary>
public class RunLengthTests
{
    private static readonly Engine Reference = Support.EngineCache.Get(Backend.Reference);

    private static EnsembleProblem OneLorenz() => new(new Lorenz(), [1, 1, 1], 1);

    [Theory]
    [InlineData(1e19)]
    [InlineData(1e300)]
    [InlineData(1e14)] // 10¹⁶ intervals of 0.01 · 10 steps: past 2⁵³ steps although the interval count fits
    public void A_duration_beyond_the_countable_steps_is_refused(double duration)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            Reference.Lyapunov(OneLorenz(), new Rk4(0.001), new LyapunovOptions { Transient = 50, Duration = duration }));
        Assert.Contains("Duration", error.Message);
    }

    [Fact]
    public void A_transient_beyond_the_countable_steps_is_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            Reference.Lyapunov(OneLorenz(), new Rk4(0.01), new LyapunovOptions { Transient = 1e19, Duration = 100 }));
        Assert.Contains("Transient", error.Message);
        Assert.Contains("1E+19", error.Message);
    }

    [Fact]
    public void Blocks_that_cannot_be_indexed_over_a_long_accumulation_are_refused()
    {
        // 2⁵⁰ intervals × 2²⁰ blocks overflows the 64-bit block index interval · Blocks.
        var error = Assert.ThrowsAny<ArgumentException>(() => LyapunovPlan.Create(OneLorenz(), new Rk4(1.0 / 1024),
            new LyapunovOptions { Transient = 0, Every = 1, Duration = Math.Pow(2, 40), Blocks = 1 << 20 }));
        Assert.Contains("Blocks", error.Message);
    }

    [Fact]
    public void The_longest_countable_run_plans_exactly()
    {
        // Transient + Duration = 2⁵³ steps exactly: accepted, and counted without rounding.
        var plan = LyapunovPlan.Create(OneLorenz(), new Rk4(1.0 / 1024),
            new LyapunovOptions { Transient = Math.Pow(2, 42), Duration = Math.Pow(2, 43) - Math.Pow(2, 42), Every = 1024 });
        Assert.Equal(1L << 53, plan.TotalIntervals * plan.Every);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData((1L << 53) + 1)]
    public void Integrate_and_gradient_refuse_uncountable_step_counts(long steps)
    {
        var integrate = Assert.ThrowsAny<ArgumentException>(() => Reference.Integrate(OneLorenz(), new Rk4(0.01), steps));
        Assert.Contains("steps", integrate.Message);
        var gradient = Assert.ThrowsAny<ArgumentException>(() =>
            Reference.Gradient(OneLorenz(), new Rk4(0.01), steps, Loss.Terminal([0, 0, 0], 3)));
        Assert.Contains("steps", gradient.Message);
    }

    [Theory]
    [InlineData(Backend.Simd)]
    [InlineData(Backend.IlgpuCpu)]
    public void A_float32_initial_state_beyond_its_range_reports_the_state_given(Backend backend)
    {
        // Member 1 starts at 10³⁹, finite in float64 but ∞ once rounded to float32; member 0 is ordinary.
        var problem = new EnsembleProblem(new Lorenz(), [1, 1e39, 1, 1, 1, 1], 2);
        var sol = Support.EngineCache.Get(backend).Integrate(problem, new Rk4(0.01), 10, options: new IntegrateOptions { Precision = Precision.Float32 });
        Assert.Equal(MemberStatus.NonFinite, sol.Status[1]);
        Assert.Equal(0, sol.FailedStep[1]);
        Assert.Equal([1e39, 1, 1], [sol.Final(1, 0), sol.Final(1, 1), sol.Final(1, 2)]);
        Assert.Equal(MemberStatus.Ok, sol.Status[0]);
    }
}
