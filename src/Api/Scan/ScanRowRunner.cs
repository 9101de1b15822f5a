using FastAttractors.Lyapunov;

namespace FastAttractors;

/// <summary>
/// Computes rows of a scan: builds each row's network from its point and row seed (pure functions of the plan and the
/// row index), and runs the rows as one ensemble through <see cref="Engine.Lyapunov"/>.
/// </summary>
internal static class ScanRowRunner
{
    public static ScanResult Run(Engine engine, ScanPlan plan, IReadOnlyList<long> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        int count = rows.Count, n = plan.N;
        if (count == 0)
            return new ScanResult(plan, [], [.. plan.Axes.Select(_ => Array.Empty<double>())], [], new ScanSpectra([], [], [], [], [], [], [], [], []));
        var coordinates = new double[count][];
        var seeds = new long[count];
        var weights = new double[count][];
        var x0 = new double[(long)n * count];
        for (int j = 0; j < count; j++)
        {
            long row = rows[j];
            if (row < 0 || row >= plan.Rows)
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"rows: row {row} is outside the plan's 0 … {plan.Rows - 1}.");
            coordinates[j] = plan.Coordinates(row / plan.Members);
            seeds[j] = plan.RowSeed(row);
            weights[j] = WeightsOf(plan, coordinates[j], seeds[j]);
            var state = InitialStates.Normal(n, 1, plan.Problem.InitialStateStd, seeds[j]);
            for (int i = 0; i < n; i++)
                x0[(long)i * count + j] = state[i];
        }
        var w = ParameterBlock.PerMemberRows("W", weights);
        IEnsembleModel model = plan.Family switch
        {
            ScanFamily.RotationFlow => new TanhOfLinear(w, DynamicsKind.Flow),
            ScanFamily.RotationMap => new TanhOfLinear(w, DynamicsKind.Map),
            _ => new TanhRnn(w),
        };
        var options = plan.Options;
        ISolver solver = plan.IsMap ? MapIteration.Instance : new Rk4(options.Dt!.Value);
        var spectra = engine.Lyapunov(new EnsembleProblem(model, x0, count), solver, new LyapunovOptions
        {
            Transient = options.Transient!.Value,
            Duration = options.Duration!.Value,
            Every = options.Every!.Value,
            Exponents = plan.K,
            Blocks = options.Blocks,
            Tolerance = options.Tolerance,
            Precision = options.Precision,
        });
        double[][] axisColumns = [.. Enumerable.Range(0, plan.Axes.Count).Select(a => coordinates.Select(c => c[a]).ToArray())];
        return new ScanResult(plan, [.. rows], axisColumns, seeds, ScanSpectra.Of(spectra));
    }

    /// <summary>Eq. 20/21: W = α R(θ); tanh-gain: a sparse Gaussian W of gain g (Eq. S3) drawn from the row seed.</summary>
    private static double[] WeightsOf(ScanPlan plan, double[] point, long seed)
    {
        if (plan.IsRotation)
            return Weights.BlockRotation([point[plan.AxisIndex("alpha")]], [point[plan.AxisIndex("theta")]], 2);
        return Weights.SparseGaussian(plan.N, point[plan.AxisIndex("g")], plan.Problem.Connectivity!.Value, members: null, seed).Values;
    }
}
