namespace FastAttractors.Cli.Scan;

/// <summary>
/// Computes the rows of one chunk: builds each row's model from its point and row seed (pure functions of the spec
/// and the row index), runs the chunk's rows as one ensemble through <see cref="Engine.Lyapunov"/>, and lays the
/// spectra out as table columns.
/// </summary>
internal sealed class ChunkRunner(ScanPlan plan, Engine engine)
{
    public ScanTable Run(int chunk)
    {
        var (start, end) = plan.ChunkRange(chunk);
        var rows = new long[end - start];
        for (int j = 0; j < rows.Length; j++)
            rows[j] = start + j;
        return RunRows(rows);
    }

    /// <summary>
    /// Any rows of the plan (in the given order) as one ensemble: what a chunk computes for them, since a row is a pure
    /// function of the spec and its index. The bench (W4) times strided subsamples of the grid through this.
    /// </summary>
    public ScanTable RunRows(IReadOnlyList<long> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int count = rows.Count, n = plan.N;
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
            weights[j] = WeightsOf(coordinates[j], seeds[j]);
            var state = InitialStates.Normal(n, 1, plan.Spec.X0Std!.Value, seeds[j]);
            for (int i = 0; i < n; i++)
                x0[(long)i * count + j] = state[i];
        }
        var w = ParameterBlock.PerMemberRows("W", weights);
        IEnsembleModel model = plan.Family switch
        {
            "rotation-flow" => new TanhOfLinear(w, DynamicsKind.Flow),
            "rotation-map" => new TanhOfLinear(w, DynamicsKind.Map),
            _ => new TanhRnn(w),
        };
        ISolver solver = plan.IsMap ? MapIteration.Instance : new Rk4(plan.Spec.Dt!.Value);
        var spectra = engine.Lyapunov(new EnsembleProblem(model, x0, count), solver, new LyapunovOptions
        {
            Transient = plan.Spec.Transient!.Value,
            Duration = plan.Spec.Duration!.Value,
            Every = plan.Spec.Every!.Value,
            Exponents = plan.K,
            Blocks = plan.Spec.Blocks!.Value,
            Tolerance = plan.Spec.Tolerance!.Value,
            Precision = plan.Spec.Precision == "float32" ? Precision.Float32 : Precision.Float64,
        });
        return Table(rows, coordinates, seeds, spectra);
    }

    /// <summary>Eq. 20/21: W = α R(θ); tanh-gain: a sparse Gaussian W of gain g (Eq. S3) drawn from the row seed.</summary>
    private double[] WeightsOf(double[] point, long seed)
    {
        if (plan.IsRotation)
        {
            int a = IndexOf("alpha"), t = IndexOf("theta");
            return Weights.BlockRotation([point[a]], [point[t]], 2);
        }
        return Weights.SparseGaussian(plan.N, point[IndexOf("g")], plan.Spec.Connectivity!.Value, members: null, seed).Values;
    }

    private int IndexOf(string axis)
    {
        for (int a = 0; a < plan.Axes.Count; a++)
        {
            if (plan.Axes[a].Name == axis)
                return a;
        }
        throw new InvalidOperationException($"the plan has no axis '{axis}'.");
    }

    private ScanTable Table(IReadOnlyList<long> rows, double[][] coordinates, long[] seeds, LyapunovSpectra s)
    {
        int k = plan.K, count = rows.Count;
        var columns = new List<(string, Array)>
        {
            ("row", rows.ToArray()),
            ("point", rows.Select(r => r / plan.Members).ToArray()),
            ("member", rows.Select(r => (int)(r % plan.Members)).ToArray()),
        };
        for (int a = 0; a < plan.Axes.Count; a++)
            columns.Add((plan.Axes[a].Name, coordinates.Select(c => c[a]).ToArray()));
        columns.Add(("seed", seeds));
        for (int i = 0; i < k; i++)
            columns.Add(($"lambda_{i + 1}", Enumerable.Range(0, count).Select(m => s.Exponents[m * k + i]).ToArray()));
        for (int i = 0; i < k; i++)
            columns.Add(($"se_{i + 1}", Enumerable.Range(0, count).Select(m => s.StandardErrors[m * k + i]).ToArray()));
        columns.Add(("lambda_sum", Enumerable.Range(0, count).Select(m => s.Spectrum(m).Sum()).ToArray()));
        columns.Add(("kaplan_yorke", (double[])s.KaplanYorkeDimension.Clone()));
        columns.Add(("positive_sum", (double[])s.PositiveSum.Clone()));
        columns.Add(("sum_rule_residual", (double[])s.SumRuleResidual.Clone()));
        columns.Add(("contraction", (double[])s.Contraction.Clone()));
        columns.Add(("failed_step", (long[])s.FailedStep.Clone()));
        columns.Add(("status", s.Status.Select(StatusName).ToArray()));
        return new ScanTable(columns);
    }

    public static string StatusName(LyapunovStatus status) => status switch
    {
        LyapunovStatus.Ok => "ok",
        LyapunovStatus.Diverged => "diverged",
        _ => "not-converged",
    };
}
