using FastAttractors.Training;

namespace FastAttractors.Cli.Specs;

/// <summary>Maps a resolved spec onto the public API: models, weight constructors, initial states, solver, options.</summary>
internal static class RunFactory
{
    public static IntegrateRun Create(IntegrateSpec spec)
    {
        var (problem, solver, backend) = CreateProblem(spec);
        var save = spec.RecordEvery is { } k ? SaveAt.EveryNthStep(k) : SaveAt.Final;
        var options = new IntegrateOptions
        {
            Precision = PrecisionOf(spec),
            ChunkMembers = spec.ChunkMembers,
        };
        return new IntegrateRun(spec, problem, solver, spec.Steps!.Value, save, options, backend);
    }

    /// <summary>A resolved lyapunov spec (<see cref="SpecResolver.ResolveLyapunov"/>) as the engine's objects.</summary>
    public static LyapunovRun CreateLyapunov(IntegrateSpec spec)
    {
        var (problem, solver, backend) = CreateProblem(spec);
        var options = new LyapunovOptions
        {
            Transient = spec.Transient!.Value,
            Duration = spec.Duration!.Value,
            Every = spec.Every!.Value,
            Exponents = spec.Exponents,
            Blocks = spec.Blocks!.Value,
            Tolerance = spec.Tolerance!.Value,
            Precision = PrecisionOf(spec),
            ChunkMembers = spec.ChunkMembers,
        };
        return new LyapunovRun(spec, problem, solver, options, backend);
    }

    /// <summary>
    /// A resolved adjoint spec (<see cref="SpecResolver.ResolveAdjoint"/>) as the engine's objects: the terminal loss
    /// ½ |x(T) − y|² plus one running term ½ |x(t_k) − y|² per loss step, all with the same target y.
    /// </summary>
    public static AdjointRun CreateAdjoint(IntegrateSpec spec)
    {
        var (problem, solver, backend) = CreateProblem(spec);
        int n = spec.N!.Value;
        var target = spec.Target!.Length == 1 ? Enumerable.Repeat(spec.Target[0], n).ToArray() : spec.Target;
        var terms = new List<LossTerm> { new(null, new SquaredError(target, n)) };
        terms.AddRange((spec.LossSteps ?? []).Select(step => new LossTerm(step, new SquaredError(target, n))));
        var options = new GradientOptions
        {
            CheckpointInterval = spec.Checkpoint,
            AdjointNormEvery = spec.NormEvery,
            Precision = PrecisionOf(spec),
            ChunkMembers = spec.ChunkMembers,
        };
        return new AdjointRun(spec, problem, solver, spec.Steps!.Value, new Loss(terms), options, backend);
    }

    private static Precision PrecisionOf(IntegrateSpec spec) => spec.Precision == "float32" ? Precision.Float32 : Precision.Float64;

    /// <summary>The model, initial states, solver and backend of a resolved spec: what both commands share.</summary>
    private static (EnsembleProblem Problem, ISolver Solver, Backend? Backend) CreateProblem(IntegrateSpec spec)
    {
        int n = spec.N!.Value, members = spec.Members!.Value;
        long seed = spec.Seed!.Value;
        IEnsembleModel model = spec.Model switch
        {
            "tanh-rnn" => new TanhRnn(WeightsOf(spec)),
            "relu-rnn" => new ReluRnn(WeightsOf(spec)),
            "tanh-of-linear" => new TanhOfLinear(WeightsOf(spec), spec.Kind == "map" ? DynamicsKind.Map : DynamicsKind.Flow),
            "linear" => new Linear(WeightsOf(spec)),
            "lorenz" => new Lorenz(spec.Sigma!.Value, spec.Rho!.Value, spec.Beta!.Value),
            "henon" => new Henon(ModelParameters.HenonA, ModelParameters.HenonB),
            "rossler" => Rossler.Create(spec.RosslerA!.Value, spec.RosslerB!.Value, spec.RosslerC!.Value),
            _ => throw new UsageException($"model: unknown model '{spec.Model}'."),
        };
        // Weights and initial states share the seed: the counter-based streams are keyed by purpose as well.
        var x0 = InitialStates.Normal(n, members, spec.X0Std!.Value, seed);
        ISolver solver = model.Kind == DynamicsKind.Map ? MapIteration.Instance
            : spec.Method is { } method ? new ExplicitRk(Methods.ByName(method), spec.Dt!.Value)
            : new Rk4(spec.Dt!.Value);
        Backend? backend = spec.Backend is null ? null : BackendNames.Parse(spec.Backend, "backend (--backend)");
        return (new EnsembleProblem(model, x0, members), solver, backend);
    }

    /// <summary>Gain g of member <paramref name="member"/>, or null when the model has no sparse Gaussian weights.</summary>
    public static double? GainOf(IntegrateSpec spec, int members, int member) => spec.G is not { } g ? null
        : spec.GEnd is not { } gEnd ? g
        : SweptGain(g, gEnd, members, member);

    private static ParameterBlock WeightsOf(IntegrateSpec spec)
    {
        int n = spec.N!.Value, members = spec.Members!.Value;
        if (spec.Weights == "block-rotation")
        {
            int blocks = (n + 1) / 2;
            var alphas = Enumerable.Repeat(spec.Alpha!.Value, blocks).ToArray();
            var thetas = Enumerable.Repeat(spec.Theta!.Value, blocks).ToArray();
            return ParameterBlock.Shared("W", Weights.BlockRotation(alphas, thetas, n));
        }
        if (spec.Weights == "pta")
        {
            string family = SpecResolver.PtaFamily(spec);
            var region = Scan.ScanPtaRegion.Read(spec.PtaScan!, family, spec.PtaTolerance!.Value, SpecFields.Named("pta_scan").Label,
                $"the {spec.Model} {spec.Kind}");
            return PtaWeights.Ensemble(region, n, members, spec.Seed!.Value);
        }
        double g = spec.G!.Value, connectivity = spec.Connectivity!.Value;
        long seed = spec.Seed!.Value;
        if (spec.GEnd is null)
            return Weights.SparseGaussian(n, g, connectivity, members, seed);
        return GainSweep(n, g, spec.GEnd.Value, connectivity, members, seed);
    }

    /// <summary>
    /// Per-member gain g_m = linspace(g, gEnd, members)[m]. The constructor takes one g, and W's entries are
    /// g / √(p n) times a member-keyed standard normal, so member m of the g = 1 ensemble scaled by g_m is member m
    /// of <c>Weights.SparseGaussian(n, g_m, …)</c> (equal up to the rounding of one multiplication).
    /// </summary>
    private static ParameterBlock GainSweep(int n, double g, double gEnd, double connectivity, int members, long seed)
    {
        var unit = Weights.SparseGaussian(n, 1.0, connectivity, members, seed);
        var values = (double[])unit.Values.Clone();
        var gains = new double[members];
        for (int m = 0; m < members; m++)
            gains[m] = SweptGain(g, gEnd, members, m);
        for (long k = 0; k < values.LongLength; k++)
            values[k] *= gains[k % members]; // SoA: entry p of member m at p · members + m
        return ParameterBlock.PerMemberSoa("W", n * n, members, values);
    }

    /// <summary>linspace(g, gEnd, members)[m]: member 0 gets g, the last member gEnd.</summary>
    public static double SweptGain(double g, double gEnd, int members, int m) =>
        members == 1 ? g : g + (gEnd - g) * m / (members - 1);
}
