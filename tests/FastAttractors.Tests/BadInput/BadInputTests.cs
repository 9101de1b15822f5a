using Xunit;

namespace FastAttractors.Tests.BadInput;

/// <summary>Every bad input is an exception naming the argument and the bad value; never a crash or a silent wrong answer.</summary>
public class BadInputTests
{
    private static readonly Engine Reference = Support.EngineCache.Get(Backend.Reference);

    private static void Rejects<TException>(Action action, params string[] mustMention) where TException : Exception
    {
        var error = Assert.ThrowsAny<TException>(action);
        foreach (var text in mustMention)
            Assert.Contains(text, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Initial_states_of_the_wrong_length() =>
        Rejects<ArgumentException>(() => new EnsembleProblem(TanhRnn.Random(4, 1, 1, null, 1), new double[7], 2),
            "initialStates", "4 × 2 = 8", "got 7");

    [Fact]
    public void Per_member_parameters_for_a_different_member_count() =>
        Rejects<ArgumentException>(() => new EnsembleProblem(TanhRnn.Random(3, 1, 1, 5, 1), new double[9], 3),
            "members", "5", "3");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_parameters(double bad) =>
        Rejects<ArgumentException>(() => Linear.Shared(new[,] { { -1, 0 }, { bad, -1 } }), "'A'", bad.ToString(), "index 2");

    [Fact]
    public void Non_finite_initial_state() =>
        Rejects<ArgumentException>(() => new EnsembleProblem(new Lorenz(), [1, 2, double.NaN], 1), "initialStates", "NaN", "component 2");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_positive_or_non_finite_dt(double dt) =>
        Rejects<ArgumentOutOfRangeException>(() => new Rk4(dt), "dt", dt.ToString());

    [Fact]
    public void Zero_members() =>
        Rejects<ArgumentOutOfRangeException>(() => new EnsembleProblem(new Lorenz(), [], 0), "members", "got 0");

    [Fact]
    public void Zero_members_in_random_weights() =>
        Rejects<ArgumentOutOfRangeException>(() => TanhRnn.Random(3, 1, 1, 0, 1), "members", "got 0");

    [Fact]
    public void Unknown_backend_name() =>
        Rejects<ArgumentException>(() => BackendNames.Parse("Vulkan", "--backend"), "--backend", "Vulkan", "Cuda, OpenCL, IlgpuCpu, Simd, Reference");

    [Fact]
    public void Unknown_backend_from_the_environment()
    {
        Environment.SetEnvironmentVariable(BackendNames.EnvironmentVariable, "tpu");
        try
        {
            Rejects<ArgumentException>(() => Engine.Create(), BackendNames.EnvironmentVariable, "tpu");
        }
        finally
        {
            Environment.SetEnvironmentVariable(BackendNames.EnvironmentVariable, null);
        }
    }

    [Fact]
    public void Environment_variable_chooses_the_backend()
    {
        Environment.SetEnvironmentVariable(BackendNames.EnvironmentVariable, "reference");
        try
        {
            using var engine = Engine.Create();
            Assert.Equal(Backend.Reference, engine.Backend);
        }
        finally
        {
            Environment.SetEnvironmentVariable(BackendNames.EnvironmentVariable, null);
        }
    }

    [Fact]
    public void Backend_value_out_of_range() =>
        Rejects<ArgumentOutOfRangeException>(() => Engine.Create((Backend)42), "42");

    [Fact]
    public void Absent_gpu_backend_is_an_error_not_a_fallback()
    {
        if (DeviceCatalog.IsAvailable(Backend.Cuda))
            return; // a machine with a GPU has nothing to refuse
        Rejects<InvalidOperationException>(() => Engine.Create(Backend.Cuda), "Cuda", "no Cuda device");
    }

    [Fact]
    public void Rk4_on_a_map_and_iteration_on_a_flow()
    {
        var henon = new EnsembleProblem(new Henon(), [0.1, 0.1], 1);
        Rejects<ArgumentException>(() => Reference.Integrate(henon, new Rk4(0.1), 1), "solver", "Map", "MapIteration");
        var lorenz = new EnsembleProblem(new Lorenz(), [1, 1, 1], 1);
        Rejects<ArgumentException>(() => Reference.Integrate(lorenz, MapIteration.Instance, 1), "solver", "Flow", "Rk4");
    }

    [Fact]
    public void Negative_steps_record_interval_and_chunk_size()
    {
        var lorenz = new EnsembleProblem(new Lorenz(), [1, 1, 1], 1);
        Rejects<ArgumentOutOfRangeException>(() => Reference.Integrate(lorenz, new Rk4(0.1), -5), "steps", "-5");
        Rejects<ArgumentOutOfRangeException>(() => SaveAt.EveryNthStep(0), "record interval", "got 0");
        Rejects<ArgumentOutOfRangeException>(
            () => Reference.Integrate(lorenz, new Rk4(0.1), 5, options: new IntegrateOptions { ChunkMembers = 0 }), "ChunkMembers", "got 0");
    }

    [Fact]
    public void Non_square_and_mismatched_parameter_blocks()
    {
        Rejects<ArgumentException>(() => new TanhRnn(ParameterBlock.Shared("W", new double[5])), "'W'", "5 values", "n × n");
        Rejects<ArgumentException>(() => new TanhRnn(ParameterBlock.Shared("W", new double[4]), ParameterBlock.Shared("b", new double[3])),
            "'b'", "needs 2", "got 3");
        Rejects<ArgumentException>(() => Linear.Shared(new double[2, 3]), "square", "2 × 3");
        Rejects<ArgumentOutOfRangeException>(() => TanhRnn.Shared(new double[,] { { 1 } }, tau: -1), "tau", "-1");
        Rejects<ArgumentException>(() => ParameterBlock.PerMemberRows("W", [new double[4], new double[3]]), "member 1", "3 values");
    }

    [Fact]
    public void Ensemble_larger_than_memory()
    {
        // 1e9 members × n = 1000 recorded 100 times is petabytes: refused up front, naming the sizes.
        var model = new Linear(ParameterBlock.Shared("A", new double[1]));
        var plan = () => FastAttractors.Ode.Integrators.RunPlan.Create(
            new EnsembleProblem(model, new double[50_000_000], 50_000_000), new Rk4(0.1), 1_000_000, SaveAt.EveryNthStep(1), null);
        Rejects<ArgumentException>(() => plan(), "members", "GB");
    }

    [Fact]
    public void Weights_and_initial_states_larger_than_memory_are_refused_before_allocating()
    {
        // 1e8 members of n = 64 is 4e11 weights (3.3 TB): an error naming members, never an OverflowException.
        Rejects<ArgumentOutOfRangeException>(() => Weights.SparseGaussian(64, 1, 1, 100_000_000, 1), "members", "100000000", "GB");
        Rejects<ArgumentOutOfRangeException>(() => Weights.Pta(64, (0.5, 1), (0, 1), 100_000_000, 1), "members", "100000000", "GB");
        Rejects<ArgumentOutOfRangeException>(() => InitialStates.Normal(1_000, int.MaxValue, 1, 1), "members", "2147483647", "GB");
    }
}
