using FastAttractors.Lyapunov;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// A resolved scan: the spec with its defaults filled in, its hash, the grid, and the fixed cutting of rows into
/// chunks and chunks into shards. Row r is point r / members, member r % members, points in C order over the axes
/// (the last axis fastest). Chunks are fixed by the spec alone, so every sharding computes every chunk identically.
/// </summary>
internal sealed class ScanPlan
{
    private readonly double[][] values;
    private readonly long[] strides;

    private ScanPlan(ScanSpec spec, string json, IReadOnlyList<ScanAxis> axes)
    {
        Spec = spec;
        CanonicalJson = json;
        Hash = ScanSpecWriter.Hash(json);
        Axes = axes;
        values = [.. axes.Select(a => a.Values())];
        strides = new long[axes.Count];
        long points = 1;
        for (int a = axes.Count - 1; a >= 0; a--)
        {
            strides[a] = points;
            points = checked(points * values[a].Length);
        }
        Points = points;
        Rows = checked(points * spec.Members!.Value);
        ChunkRows = spec.Chunk!.Value;
        Chunks = checked((int)((Rows + ChunkRows - 1) / ChunkRows));
    }

    /// <summary>The resolved spec (backend as requested, possibly null).</summary>
    public ScanSpec Spec { get; }

    /// <summary>The resolved spec without the backend, as JSON: what spec.json holds and the hash covers.</summary>
    public string CanonicalJson { get; }

    public string Hash { get; }
    public IReadOnlyList<ScanAxis> Axes { get; }
    public long Points { get; }
    public long Rows { get; }
    public int ChunkRows { get; }
    public int Chunks { get; }
    public string Family => Spec.Family!;
    public bool IsMap => Family == "rotation-map";
    public bool IsRotation => Family.StartsWith("rotation", StringComparison.Ordinal);
    public int N => Spec.N!.Value;
    public int K => Spec.Exponents!.Value;
    public int Members => Spec.Members!.Value;

    public double[] AxisValues(int axis) => values[axis];

    /// <summary>The parameter values of a point, one per axis.</summary>
    public double[] Coordinates(long point)
    {
        var c = new double[Axes.Count];
        for (int a = 0; a < c.Length; a++)
            c[a] = values[a][point / strides[a] % values[a].Length];
        return c;
    }

    /// <summary>Index of the point along axis <paramref name="axis"/>.</summary>
    public int IndexAlong(long point, int axis) => (int)(point / strides[axis] % values[axis].Length);

    public (long Start, long End) ChunkRange(int chunk) => (chunk * (long)ChunkRows, Math.Min(Rows, (chunk + 1L) * ChunkRows));

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>: a contiguous run of whole chunks.</summary>
    public (int First, int End) ShardChunks(int index, int count) =>
        ((int)((long)Chunks * index / count), (int)((long)Chunks * (index + 1) / count));

    public (long Start, long End) ShardRows(int index, int count)
    {
        var (first, end) = ShardChunks(index, count);
        return first == end ? (0, 0) : (ChunkRange(first).Start, ChunkRange(end - 1).End);
    }

    /// <summary>The seed of row <paramref name="row"/>: its weights and initial state are drawn from it alone.</summary>
    public long RowSeed(long row) =>
        (long)(CounterRandom.Bits((ulong)Spec.Seed!.Value, CounterRandom.Stream(row, CounterRandom.Purpose.ScanRow), 0) >> 1);

    /// <summary>Null if <paramref name="family"/> takes an axis named <paramref name="name"/>, else why not.</summary>
    public static string? AxisProblem(string family, string name)
    {
        var valid = AxisNames(family);
        return valid.Contains(name) ? null : $"family '{family}' takes the axes {string.Join(" and ", valid)}, not '{Input.Excerpt.Of(name)}'";
    }

    private static string[] AxisNames(string family) => family == "tanh-gain" ? ["g"] : ["alpha", "theta"];

    /// <summary>Fills the defaults and checks the combination; errors name the field and its flag.</summary>
    public static ScanPlan Create(ScanSpec requested)
    {
        string family = requested.Family ?? throw new UsageException("family (--family) is required: rotation-flow, rotation-map or tanh-gain.");
        bool rotation = family != "tanh-gain", map = family == "rotation-map";
        if (rotation && requested.N is { } n0 && n0 != 2)
            throw new UsageException($"n (--n): the rotation-block families are 2-D, got {n0}.");
        if (rotation && requested.Connectivity is not null)
            throw new UsageException("connectivity (--connectivity): only tanh-gain has random weights.");
        if (map && requested.Dt is not null)
            throw new UsageException("dt (--dt): rotation-map is iterated, it has no step size.");
        int n = rotation ? 2 : requested.N ?? throw new UsageException("n (--n) is required for tanh-gain.");

        var axes = requested.Axes ?? [];
        foreach (var axis in axes)
        {
            if (AxisProblem(family, axis.Name) is { } problem)
                throw new UsageException($"axis '{axis.Name}' (--axis): {problem}.");
        }
        var missing = AxisNames(family).Where(name => axes.All(a => a.Name != name)).ToArray();
        if (missing.Length > 0)
            throw new UsageException($"axes (--axis): family '{family}' needs the axis {string.Join(" and ", missing)} (a one-value list fixes it).");

        double dt = map ? 1 : requested.Dt ?? 0.05;
        int every = requested.Every ?? (family == "rotation-flow" ? Math.Max(1, (int)Math.Round(0.1 / dt)) : 10);
        var spec = requested with
        {
            N = n,
            Connectivity = rotation ? null : requested.Connectivity ?? 1.0,
            Axes = axes,
            Members = requested.Members ?? 1,
            Seed = requested.Seed ?? 1,
            X0Std = requested.X0Std ?? 1.0,
            Dt = map ? null : dt,
            Transient = requested.Transient ?? (rotation ? 500 : 100),
            Duration = requested.Duration ?? (map ? 50_000 : 1_000),
            Every = every,
            Exponents = requested.Exponents ?? n,
            Blocks = requested.Blocks ?? 10,
            Tolerance = requested.Tolerance ?? 0.05,
            Precision = requested.Precision ?? "float64",
            Chunk = requested.Chunk ?? 1024,
        };
        if (spec.Exponents > n)
            throw new UsageException($"exponents (--exponents): at most n = {n}, got {spec.Exponents}.");
        double interval = every * dt;
        if (spec.Duration!.Value / interval < spec.Blocks)
            throw new UsageException($"duration (--duration): {spec.Duration} holds {Math.Floor(spec.Duration.Value / interval)} QR intervals "
                + $"of {interval}; the {spec.Blocks} blocks need at least one each.");
        // Counted in float64 before any conversion to whole steps: a count past 2⁵³ is refused, never rounded or wrapped.
        double steps = (spec.Transient!.Value + spec.Duration.Value) / dt;
        if (!(steps <= StepCounts.Max))
            throw new UsageException($"duration (--duration) and transient (--transient): {spec.Transient} + {spec.Duration} makes {steps:G4} steps "
                + $"of {dt} per row, more than one run may take ({StepCounts.Max}, i.e. 2⁵³).");
        ScanPlan plan;
        try
        {
            plan = new ScanPlan(spec, ScanSpecWriter.ToJson(spec with { Backend = null }), axes);
        }
        catch (OverflowException)
        {
            throw new UsageException("axes (--axis): the grid × members is too large (more than 2⁶³ rows or 2³¹ chunks).");
        }
        plan.EnsureChunkFits();
        return plan;
    }

    /// <summary>
    /// Refuses, naming chunk (--chunk), a chunk whose ensemble cannot be held: a chunk's rows run as one ensemble, so
    /// "chunk": 2000000000 on a large grid would otherwise allocate until the machine runs out of memory.
    /// </summary>
    private void EnsureChunkFits()
    {
        long rows = Math.Min(ChunkRows, Rows);
        // Per row: its weights (n² for tanh-gain, 4 for a rotation block), x0, and about 16 small arrays of bookkeeping.
        double perRow = (double)N * N + N + 16 * 4;
        try
        {
            LyapunovPlan.EnsureFits(N, K, rows, Spec.Blocks!.Value, perRow * rows, "Use a smaller chunk (the results do not depend on it).");
        }
        catch (ArgumentOutOfRangeException e)
        {
            string first = ExitCodes.MessageOf(e);
            throw new UsageException(e.ParamName == "n"
                ? $"n (--n) and exponents (--exponents): {first}"
                : $"chunk (--chunk) = {ChunkRows} rows: {first}");
        }
    }
}
