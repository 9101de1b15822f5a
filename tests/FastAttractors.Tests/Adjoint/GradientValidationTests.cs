using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>Bad requests fail before any work with errors naming the argument; bad members fail alone, flagged.</summary>
public class GradientValidationTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    private static readonly EnsembleProblem Rnn = new(TanhRnn.Random(3, 1.2, 1.0, null, 1), InitialStates.Normal(3, 2, 1.0, 2), 2);

    private static EnsembleGradients Run(EnsembleProblem problem, ISolver solver, long steps, Loss loss, GradientOptions? options = null) =>
        EngineCache.Get(Backend.Reference).Gradient(problem, solver, steps, loss, options);

    [Fact]
    public void Target_of_the_wrong_dimension_names_the_loss()
    {
        var e = Assert.Throws<ArgumentException>(() => Run(Rnn, new Rk4(0.01), 10, Loss.Terminal([1.0, 2.0], 2)));
        Assert.Equal("loss", e.ParamName);
        Assert.Contains("dimension 2", e.Message);
        Assert.Contains("model 3", e.Message);
    }

    [Fact]
    public void Target_for_the_wrong_number_of_members_names_the_loss()
    {
        var e = Assert.Throws<ArgumentException>(() => Run(Rnn, new Rk4(0.01), 10, Loss.Terminal(new double[3 * 5], 3)));
        Assert.Equal("loss", e.ParamName);
        Assert.Contains("5 members", e.Message);
    }

    [Fact]
    public void Target_whose_length_is_not_a_multiple_of_n_names_the_target()
    {
        var e = Assert.Throws<ArgumentException>(() => Loss.Terminal(new double[4], 3));
        Assert.Equal("target", e.ParamName);
    }

    [Fact]
    public void NaN_target_names_the_target_and_index()
    {
        var e = Assert.Throws<ArgumentException>(() => Loss.Terminal([0.0, double.NaN, 1.0], 3));
        Assert.Equal("target", e.ParamName);
        Assert.Contains("index 1", e.Message);
    }

    [Fact]
    public void Loss_term_beyond_the_horizon_names_the_loss_and_step()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Run(Rnn, new Rk4(0.01), 10, Loss.Running([5, 11], [new double[3], new double[3]], 3)));
        Assert.Equal("loss", e.ParamName);
        Assert.Contains("step 11", e.Message);
    }

    [Fact]
    public void Negative_loss_step_names_the_terms() =>
        Assert.Equal("terms", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.Running([-1], [new double[3]], 3)).ParamName);

    /// <summary>CheckpointInterval below 1 and RecordBudgetMiB below 0 fail before any work, naming the option and value.</summary>
    [Theory]
    [InlineData(nameof(GradientOptions.CheckpointInterval), 0)]
    [InlineData(nameof(GradientOptions.CheckpointInterval), -3)]
    [InlineData(nameof(GradientOptions.RecordBudgetMiB), -1)]
    [InlineData(nameof(GradientOptions.RecordBudgetMiB), -4096)]
    public void Bad_checkpointing_option_names_the_option(string option, int value)
    {
        var options = option == nameof(GradientOptions.CheckpointInterval)
            ? new GradientOptions { CheckpointInterval = value }
            : new GradientOptions { RecordBudgetMiB = value };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Run(Rnn, new Rk4(0.01), 10, Loss.Terminal(new double[3], 3), options));
        Assert.Equal("options", e.ParamName);
        Assert.Contains(option, e.Message);
        Assert.Contains(value.ToString(), e.Message);
    }

    [Fact]
    public void Adjoint_norm_interval_below_one_names_the_option()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Run(Rnn, new Rk4(0.01), 10, Loss.Terminal(new double[3], 3), new GradientOptions { AdjointNormEvery = 0 }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("AdjointNormEvery", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Steps_below_one_name_steps(long steps)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Run(Rnn, new Rk4(0.01), steps, Loss.Terminal(new double[3], 3)));
        Assert.Equal("steps", e.ParamName);
    }

    [Fact]
    public void Map_solver_on_a_flow_names_the_solver()
    {
        var e = Assert.Throws<ArgumentException>(() => Run(Rnn, MapIteration.Instance, 10, Loss.Terminal(new double[3], 3)));
        Assert.Equal("solver", e.ParamName);
        Assert.Contains("Rk4", e.Message);
    }

    [Fact]
    public void Flow_solver_on_a_map_names_the_solver()
    {
        var henon = new EnsembleProblem(new Henon(), InitialStates.Normal(2, 2, 0.05, 3), 2);
        var e = Assert.Throws<ArgumentException>(() => Run(henon, new Rk4(0.01), 10, Loss.Terminal(new double[2], 2)));
        Assert.Equal("solver", e.ParamName);
        Assert.Contains("MapIteration", e.Message);
    }

    /// <summary>
    /// dx/dt = λ x with x(0) = 1: x(T) ≈ e^(λT) and a(0) = e^(λT) a(T) ≈ e^(2λT). λT = 460 in float64 keeps x(T) ≈ 1e200
    /// finite while a(0) ≈ 1e400 overflows; λT = 60 does the same for float32 (x(T) ≈ 1e26 &lt; 3e38 &lt; a(0) ≈ 1e52).
    /// RK4's growth per step at λh ≤ 0.46 is within 1e-4 of e^(λh), far from changing either order of magnitude.
    /// Member 0 (A = −I) is computed bit for bit as if alone (same lane in both runs: members do not mix). λ follows the precision the estimator reports computing in (the
    /// Reference estimator computes float64 whatever is asked).
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Exploding_adjoint_is_flagged_for_that_member_only(Backend backend, Precision precision)
    {
        const int steps = 1000;
        var solver = new Rk4(0.01);
        var options = new GradientOptions { Precision = precision };
        var probe = new EnsembleProblem(new Linear(ParameterBlock.Shared("A", [-1.0])), [1.0], 1);
        var computed = EngineCache.Get(backend).Gradient(probe, solver, 1, Loss.Terminal([0.0], 1), options).Precision;
        double lambda = computed == Precision.Float64 ? 46 : 6;
        var a = ParameterBlock.PerMemberRows("A", [[-1.0], [lambda]]);
        var problem = new EnsembleProblem(new Linear(a), [1.0, 1.0], 2);
        var grads = EngineCache.Get(backend).Gradient(problem, solver, steps, Loss.Terminal([0.5], 1), options);
        Assert.Equal(GradientStatus.GradientNonFinite, grads.Status[1]);
        Assert.InRange(grads.FailedStep[1], 0, steps - 1);
        Assert.False(double.IsFinite(grads.InitialStates[1]));

        var alone = EngineCache.Get(backend).Gradient(new EnsembleProblem(new Linear(ParameterBlock.Shared("A", [-1.0])), [1.0], 1),
            solver, steps, Loss.Terminal([0.5], 1), options);
        Assert.Equal(GradientStatus.Ok, grads.Status[0]);
        Assert.Equal(-1, grads.FailedStep[0]);
        Assert.Equal(alone.InitialStates[0], grads.InitialStates[0]);
        Assert.Equal(alone.Parameter("A").Get(0, 0), grads.Parameter("A").Get(0, 0));
        Assert.Equal(alone.Loss[0], grads.Loss[0]);
    }

    /// <summary>
    /// A Hénon orbit started at (10, 0) escapes: |x| squares every iteration and overflows within 12. Member 0 on the
    /// attractor is computed bit for bit as if alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Diverging_forward_state_is_flagged_for_that_member_only(Backend backend, Precision precision)
    {
        const int steps = 30;
        var options = new GradientOptions { Precision = precision, CheckpointInterval = 4 };
        var problem = new EnsembleProblem(new Henon(), [0.1, 10.0, 0.1, 0.0], 2);
        var grads = EngineCache.Get(backend).Gradient(problem, MapIteration.Instance, steps, Loss.Terminal([0.0, 0.0], 2), options);
        Assert.Equal(GradientStatus.ForwardDiverged, grads.Status[1]);
        Assert.InRange(grads.FailedStep[1], 0, 12);
        Assert.True(double.IsNaN(grads.Loss[1]));
        Assert.True(double.IsNaN(grads.InitialStates[1]) && double.IsNaN(grads.InitialStates[3]));

        var alone = EngineCache.Get(backend).Gradient(new EnsembleProblem(new Henon(), [0.1, 0.1], 1), MapIteration.Instance, steps,
            Loss.Terminal([0.0, 0.0], 2), options);
        Assert.Equal(GradientStatus.Ok, grads.Status[0]);
        Assert.Equal(alone.Loss[0], grads.Loss[0]);
        Assert.Equal(alone.InitialStates[0], grads.InitialStates[0]);
        Assert.Equal(alone.InitialStates[1], grads.InitialStates[2]);
        Assert.Equal(alone.Parameter("a_b").Get(0, 0), grads.Parameter("a_b").Get(0, 0));
    }
}
