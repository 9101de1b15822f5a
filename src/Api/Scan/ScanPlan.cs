using FastAttractors.Lyapunov;

namespace FastAttractors;

/// <summary>
/// A checked scan: the problem and options with every default filled in, the grid, each row's seed, and the fixed
/// cutting of rows into chunks and of chunks into shards. Row r is point r / <see cref="Members"/>, member
/// r % <see cref="Members"/>; points run in C order over the axes (the last axis fastest). Chunks follow from the
/// problem and options alone, so every sharding computes every row identically.
/// </summary>
public sealed class ScanPlan
{
    private readonly double[][] values;
    private readonly long[] strides;

    private ScanPlan(ScanProblem problem, ScanOptions options)
    {
        Problem = problem;
        Options = options;
        values = [.. problem.Axes.Select(a => a.Values())];
        strides = new long[values.Length];
        long points = 1;
        for (int a = values.Length - 1; a >= 0; a--)
        {
            strides[a] = points;
            points = checked(points * values[a].Length);
        }
        Points = points;
        Rows = checked(points * problem.Members);
        Chunks = checked((int)((Rows + ChunkRows - 1) / ChunkRows));
    }

    /// <summary>The problem with <see cref="ScanProblem.N"/> filled in (and <see cref="ScanProblem.Connectivity"/> for tanh-gain).</summary>
    public ScanProblem Problem { get; }

    /// <summary>The options with every family default filled in (<see cref="ScanOptions.Dt"/> stays null for the map).</summary>
    public ScanOptions Options { get; }

    /// <summary>The family scanned.</summary>
    public ScanFamily Family => Problem.Family;

    /// <summary>True for the iterated rotation map, false for the flows.</summary>
    public bool IsMap => Family == ScanFamily.RotationMap;

    /// <summary>True for the rotation-block families (2-D, W = α R(θ)).</summary>
    public bool IsRotation => Family != ScanFamily.TanhGain;

    /// <summary>The grid's axes, in the order the points run.</summary>
    public IReadOnlyList<ScanAxis> Axes => Problem.Axes;

    /// <summary>Dimension of the networks.</summary>
    public int N => Problem.N!.Value;

    /// <summary>Exponents k per row.</summary>
    public int K => Options.Exponents!.Value;

    /// <summary>Rows per grid point.</summary>
    public int Members => Problem.Members;

    /// <summary>Grid points: the product of the axes' counts.</summary>
    public long Points { get; }

    /// <summary>Rows: points × members.</summary>
    public long Rows { get; }

    /// <summary>Rows per chunk (the last chunk may hold fewer).</summary>
    public int ChunkRows => Options.ChunkRows;

    /// <summary>Chunks: ⌈rows / chunk rows⌉.</summary>
    public int Chunks { get; }

    /// <summary>The values along axis <paramref name="axis"/>.</summary>
    public double[] AxisValues(int axis) => (double[])values[axis].Clone();

    /// <summary>The parameter values of a point, one per axis.</summary>
    public double[] Coordinates(long point)
    {
        var c = new double[values.Length];
        for (int a = 0; a < c.Length; a++)
            c[a] = values[a][IndexAlong(point, a)];
        return c;
    }

    /// <summary>Index of the point along axis <paramref name="axis"/>.</summary>
    public int IndexAlong(long point, int axis) => (int)(point / strides[axis] % values[axis].Length);

    /// <summary>The position of the axis named <paramref name="name"/>, or −1.</summary>
    public int AxisIndex(string name)
    {
        for (int a = 0; a < Axes.Count; a++)
        {
            if (Axes[a].Name == name)
                return a;
        }
        return -1;
    }

    /// <summary>Rows [Start, End) of chunk <paramref name="chunk"/>.</summary>
    public (long Start, long End) ChunkRange(int chunk) => (chunk * (long)ChunkRows, Math.Min(Rows, (chunk + 1L) * ChunkRows));

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>: a contiguous run of whole chunks [First, End).</summary>
    public (int First, int End) ShardChunks(int index, int count) =>
        ((int)((long)Chunks * index / count), (int)((long)Chunks * (index + 1) / count));

    /// <summary>Rows [Start, End) of shard <paramref name="index"/> of <paramref name="count"/>; (0, 0) for a shard without chunks.</summary>
    public (long Start, long End) ShardRows(int index, int count)
    {
        var (first, end) = ShardChunks(index, count);
        return first == end ? (0, 0) : (ChunkRange(first).Start, ChunkRange(end - 1).End);
    }

    /// <summary>The seed of row <paramref name="row"/>: its weights and initial state are drawn from it alone.</summary>
    public long RowSeed(long row) =>
        (long)(CounterRandom.Bits((ulong)Problem.Seed, CounterRandom.Stream(row, CounterRandom.Purpose.ScanRow), 0) >> 1);

    /// <summary>
    /// Checks <paramref name="problem"/> and <paramref name="options"/> together and fills the defaults. Errors are
    /// <see cref="ArgumentException"/>s whose parameter name is the property at fault (N, Axes, Exponents, …) and
    /// whose message starts with it.
    /// </summary>
    public static ScanPlan Create(ScanProblem problem, ScanOptions? options = null) => ScanPlanning.Resolve(problem, options ?? ScanOptions.Default);

    internal static ScanPlan Of(ScanProblem problem, ScanOptions options) => new(problem, options);
}
