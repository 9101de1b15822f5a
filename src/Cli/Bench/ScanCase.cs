using System.Globalization;
using FastAttractors.Bench;
using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// W4: the rotation-block flow scan of Fig. 5A (<c>fastattractors scan</c>'s embedded default: ẋ = −x + tanh(α R(θ) x),
/// α ∈ [0, 10] × θ ∈ [0, π], one member per point, RK4 dt 0.05, QR every 0.1, λ1 and λ2) on a G × G grid, in float32
/// like the other rows (the scan's own default is float64). Rows are computed by <see cref="Engine.ScanRows(ScanPlan, long, long)"/>
/// from the scan's plan (<see cref="ScanJob.Grid"/>), in the plan's chunks, without the Parquet writes. The unit is member-steps
/// (RK4 steps of the state with its 2 tangent columns, transient included); a spectrum is (transient + duration) / dt of them.
/// Reference and IlgpuCpu run a subsample of points spread over the grid (<see cref="Subsample"/>), and the cross-check
/// compares λ1 and λ2 of its first 8 points, which every subsample and the full grid contain.
/// </summary>
internal sealed class ScanCase : BenchCase
{
    // Small: a 32 × 32 grid over 75 time units (1,500 steps a spectrum, 1.5·10⁶ member-steps): ~0.1 s a Simd call on
    // 2 cores. Full: docs/benchmarks.md's sizes (CPU 128 × 128, GPU 1,024 × 1,024), transient 500 and duration 1,000.
    private const int SmallGrid = 32, CpuGrid = 128, GpuGrid = 1024;
    private const double SmallTransient = 25, SmallDuration = 50, FullTransient = 500, FullDuration = 1000, Dt = 0.05;
    private const int SmallSubsample = 64, FullReferenceSubsample = 128, FullIlgpuCpuSubsample = 64;

    // The scan's default chunk (1,024 rows) on the CPU sizes; the GPU size in chunks of 65,536 rows, as a GPU user would
    // pass --chunk: 1,024 threads would leave most of a GPU idle.
    private const int CpuChunk = 1024, GpuChunk = 65_536;

    public override string Id => "W4";

    public override string Title => F($"rotation-block flow scan (Fig. 5A, Eq. 20): α ∈ [0, 10] × θ ∈ [0, π], G × G grid (G = {SmallGrid} small, {CpuGrid} CPU, {GpuGrid} GPU), RK4 dt {Dt}, λ1 and λ2, float32");

    public override string Unit => "member-steps";

    public override double? FlopsPerUnit => FlopCount.TanhOfLinearLyapunov(2, 2, 2).Total;

    // Reference integrates in float64, the rest in float32. A 2-D flow is not chaotic: every point ends on a stable
    // fixed point, focus or limit cycle, whose exponents float32 rounding moves by ~1e-6 (measured at small size on Simd
    // and IlgpuCpu: 5.0e-7 to 3.7e-6 over separate runs, ScanCaseTests asserts < 1e-4). 1e-3 still
    // catches a wrong answer: a wrong step, sign or point moves an exponent by 1e-2 or more.
    public override double Tolerance => 1e-3;

    public override string ToleranceReason =>
        "W4: 1e-3 on λ1 and λ2 (float32 vs float64; the 2-D flow's points settle on fixed points, foci or limit cycles, not chaos; the compared points are spread over the grid)";

    public override BenchScale Scale(Backend backend, BenchSize size)
    {
        int grid = size == BenchSize.Small ? SmallGrid : IsGpu(backend) ? GpuGrid : CpuGrid;
        int members = grid * grid;
        int subsample = size == BenchSize.Small ? SmallSubsample
            : backend == Backend.Reference ? FullReferenceSubsample : FullIlgpuCpuSubsample;
        return backend is Backend.Reference or Backend.IlgpuCpu ? new(members, Math.Min(members, subsample)) : new(members, members);
    }

    /// <summary>The scan spec of a <paramref name="grid"/> × <paramref name="grid"/> run: the embedded default with the grid, durations, float32 and the chunk.</summary>
    public static ScanJob Plan(BenchSize size, int grid)
    {
        bool small = size == BenchSize.Small;
        var spec = ScanSpecReader.ReadDefault().Overlay(new ScanSpec
        {
            Axes = [ScanAxis.Linspace("alpha", 0, 10, grid), ScanAxis.Linspace("theta", 0, Math.PI, grid)],
            Dt = Dt,
            Transient = small ? SmallTransient : FullTransient,
            Duration = small ? SmallDuration : FullDuration,
            Precision = "float32",
            Chunk = grid >= GpuGrid ? GpuChunk : CpuChunk,
        });
        return ScanJob.Create(spec);
    }

    /// <summary>RK4 steps per spectrum (per row), transient included.</summary>
    public static long StepsPerRow(ScanJob plan) => (long)Math.Round((plan.Spec.Transient!.Value + plan.Spec.Duration!.Value) / plan.Spec.Dt!.Value);

    /// <summary>
    /// <paramref name="count"/> distinct rows of a <paramref name="grid"/> × <paramref name="grid"/> scan (one member
    /// per point), spread over the whole grid by a 2-D Kronecker sequence (point j at the fractional parts of
    /// ½ + j (√5 − 1)/2 along α and ½ + j (√2 − 1) along θ; the R2 sequence's first increment is so near 3/4 that its
    /// first 8 points share 5 α rows). Every subsample starts with the same points, so the first 8 are in each; a
    /// prefix of the rows would sample only α = 0 (W = 0, λ = −1 everywhere).
    /// </summary>
    public static long[] Subsample(int grid, int count)
    {
        long points = (long)grid * grid;
        if (count < 1 || count > points)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count: between 1 and the grid's {points} points, got {count}.");
        double a1 = (Math.Sqrt(5) - 1) / 2, a2 = Math.Sqrt(2) - 1;
        var rows = new List<long>(count);
        var taken = new HashSet<long>();
        // Grid cells collide only once count nears the grid size; the walk past that is bounded by the cells themselves.
        for (long j = 0; rows.Count < count; j++)
        {
            long alpha = (long)(Frac(0.5 + a1 * j) * grid), theta = (long)(Frac(0.5 + a2 * j) * grid);
            long row = alpha * grid + theta;
            if (taken.Add(row))
                rows.Add(row);
            if (j > 64 * points)
            {
                rows.AddRange(Enumerable.Range(0, (int)points).Select(r => (long)r).Where(taken.Add).Take(count - rows.Count));
                break;
            }
        }
        return [.. rows];
    }

    public override Func<Engine, BenchOutput> Prepare(BenchSize size, int members, int ran)
    {
        int grid = (int)Math.Round(Math.Sqrt(members));
        if (grid * grid != members)
            throw new ArgumentException($"members: W4 runs a square grid, got {members} points.", nameof(members));
        var plan = Plan(size, grid);
        long steps = StepsPerRow(plan);
        var checkRows = Subsample(grid, Math.Min(CheckedMembers, ran));
        long[]? rows = ran == members ? null : Subsample(grid, ran);
        return engine =>
        {
            var grid = plan.Grid;
            var results = rows is null
                ? Enumerable.Range(0, grid.Chunks).Select(c => engine.ScanRows(grid, grid.ChunkRange(c).Start, grid.ChunkRange(c).End)).ToList()
                : [engine.ScanRows(grid, rows)];
            return new BenchOutput((double)ran * steps, Exponents(results, checkRows),
                F($"{steps:N0} member-steps a spectrum (spectra/s = throughput / {steps:N0})"));
        };
    }

    /// <summary>λ1 and λ2 of <paramref name="checkRows"/>, looked up in the results by row index.</summary>
    private static List<double[]> Exponents(IReadOnlyList<ScanResult> results, long[] checkRows)
    {
        var found = new Dictionary<long, double[]>();
        foreach (var result in results)
        {
            for (int j = 0; j < result.Count; j++)
            {
                if (Array.IndexOf(checkRows, result.Rows[j]) >= 0)
                    found[result.Rows[j]] = result.Spectrum(j)[..2];
            }
        }
        return [.. checkRows.Select(r => found.TryGetValue(r, out var v) ? v
            : throw new InvalidOperationException($"W4: checked row {r} is missing from the computed rows."))];
    }

    private static double Frac(double x) => x - Math.Floor(x);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
