namespace FastAttractors.Cli.Scan;

/// <summary>
/// A scan as the CLI runs it: the library's <see cref="ScanPlan"/> (<see cref="Grid"/>: defaults, grid, row seeds,
/// chunks and shards) of a spec, with the spec resolved to match it and that spec's canonical JSON and hash, which
/// name the dataset its files belong to. Errors name the spec field and its flag.
/// </summary>
internal sealed class ScanJob
{
    private ScanJob(ScanSpec spec, ScanPlan grid)
    {
        Spec = spec;
        Grid = grid;
        CanonicalJson = ScanSpecWriter.ToJson(spec with { Backend = null });
        Hash = ScanSpecWriter.Hash(CanonicalJson);
    }

    /// <summary>The resolved spec (backend as requested, possibly null).</summary>
    public ScanSpec Spec { get; }

    /// <summary>The library's plan of the spec: what every row is and how rows are cut into chunks and shards.</summary>
    public ScanPlan Grid { get; }

    /// <summary>The resolved spec without the backend, as JSON: what spec.json holds and the hash covers.</summary>
    public string CanonicalJson { get; }

    public string Hash { get; }

    /// <summary>The family as the spec names it (rotation-flow, rotation-map, tanh-gain).</summary>
    public string Family => Spec.Family!;

    /// <summary>Resolves a spec through <see cref="ScanPlan.Create"/>; a missing family or an error of the library names the field and its flag.</summary>
    public static ScanJob Create(ScanSpec requested)
    {
        string name = requested.Family ?? throw new UsageException("family (--family) is required: rotation-flow, rotation-map or tanh-gain.");
        var family = ScanFamilies.Parse(name) ?? throw new UsageException($"family (--family): unknown value '{Input.Excerpt.Of(name)}' (valid: {string.Join(", ", ScanFamilies.Names)}).");
        var problem = new ScanProblem
        {
            Family = family,
            Axes = requested.Axes ?? [],
            N = requested.N,
            Connectivity = requested.Connectivity,
        };
        // Unset fields keep the library's defaults.
        if (requested.Members is { } members)
            problem = problem with { Members = members };
        if (requested.Seed is { } seed)
            problem = problem with { Seed = seed };
        if (requested.X0Std is { } std)
            problem = problem with { InitialStateStd = std };
        var options = new ScanOptions
        {
            Dt = requested.Dt,
            Transient = requested.Transient,
            Duration = requested.Duration,
            Every = requested.Every,
            Exponents = requested.Exponents,
            Blocks = requested.Blocks ?? ScanOptions.Default.Blocks,
            Tolerance = requested.Tolerance ?? ScanOptions.Default.Tolerance,
            Precision = requested.Precision is { } p ? Precisions[p] : ScanOptions.Default.Precision,
            ChunkRows = requested.Chunk ?? ScanOptions.Default.ChunkRows,
        };
        ScanPlan grid;
        try
        {
            grid = ScanPlan.Create(problem, options);
        }
        catch (ArgumentException e) when (e.ParamName is { } property && Labels.TryGetValue(property, out var label))
        {
            string message = ExitCodes.MessageOf(e);
            throw new UsageException(label + (message.StartsWith(property + ":", StringComparison.Ordinal) ? message[property.Length..] : ": " + message));
        }
        var (resolvedProblem, resolved) = (grid.Problem, grid.Options);
        var spec = requested with
        {
            N = resolvedProblem.N,
            Connectivity = resolvedProblem.Connectivity,
            Axes = resolvedProblem.Axes,
            Members = resolvedProblem.Members,
            Seed = resolvedProblem.Seed,
            X0Std = resolvedProblem.InitialStateStd,
            Dt = resolved.Dt,
            Transient = resolved.Transient,
            Duration = resolved.Duration,
            Every = resolved.Every,
            Exponents = resolved.Exponents,
            Blocks = resolved.Blocks,
            Tolerance = resolved.Tolerance,
            Precision = Precisions.First(p => p.Value == resolved.Precision).Key,
            Chunk = resolved.ChunkRows,
        };
        return new ScanJob(spec, grid);
    }

    private static readonly Dictionary<string, Precision> Precisions = new(StringComparer.Ordinal)
    {
        ["float32"] = Precision.Float32,
        ["float64"] = Precision.Float64,
    };

    /// <summary>Each property of the library's problem and options as the spec field and flag that set it.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(ScanProblem.Family)] = "family (--family)",
        [nameof(ScanProblem.Axes)] = "axes (--axis)",
        [nameof(ScanProblem.N)] = "n (--n)",
        [nameof(ScanProblem.Connectivity)] = "connectivity (--connectivity)",
        [nameof(ScanProblem.Members)] = "members (--members)",
        [nameof(ScanProblem.Seed)] = "seed (--seed)",
        [nameof(ScanProblem.InitialStateStd)] = "x0_std (--x0-std)",
        [nameof(ScanOptions.Dt)] = "dt (--dt)",
        [nameof(ScanOptions.Transient)] = "transient (--transient)",
        [nameof(ScanOptions.Duration)] = "duration (--duration)",
        [nameof(ScanOptions.Every)] = "every (--every)",
        [nameof(ScanOptions.Exponents)] = "exponents (--exponents)",
        [nameof(ScanOptions.Blocks)] = "blocks (--blocks)",
        [nameof(ScanOptions.Tolerance)] = "tolerance (--tolerance)",
        [nameof(ScanOptions.Precision)] = "precision (--precision)",
        [nameof(ScanOptions.ChunkRows)] = "chunk (--chunk)",
    };
}
