using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// The workloads <c>fastattractors bench</c> knows: W1–W5 and W7 (learning, and W7R, its recall) of docs/benchmarks.md, built from the same definitions
/// as bench/FastAttractors.Bench (src/Workloads; W4 from the scan's own plan and chunk runner). W6 (one large network)
/// is not here: it would not fit the table's per-member scheme (one member of n = 1,024, so no member subsample for the
/// slow paths; Reference at 5.5·10⁸ flops a step on one thread needs minutes; a cross-check would need a smaller
/// network than the timed one); the <c>w6</c> runner of bench/ times it.
/// Small sizes keep each Simd call near 0.05–0.2 s on 2 cores, so the whole run stays near a minute.
/// </summary>
internal static class BenchCases
{
    // Tolerances: Reference integrates in float64, the other backends in float32, whose rounding (~6e-8 per operation)
    // the dynamics amplify over the horizon. The compared (first) members: W1/W2 g = 1.5 networks over 1–10 time units;
    // W3 gains 0.5–0.57 (a stable fixed point); W5 ρ ≤ 0.003 (a stable origin). Measured on Simd and IlgpuCpu:
    // 1.8e-7 to 1.3e-6 at small size, 3.6e-10 to 5.4e-6 at full size (bench/RESULTS.md). 1e-3 is ~200× above the
    // largest and still catches a wrong answer (a wrong step or parameter moves these states by 1e-2 or more; the
    // runner tests inject 1e-2).
    private const double FlowTolerance = 1e-3;

    public static BenchCase W1 { get; } = new IntegrateCase(Workloads.W1, 4_096, 250, 64, FlowTolerance,
        "W1: 1e-3 (float32 vs float64 over 2.5–10 time units of g = 1.5 networks)");

    public static BenchCase W2 { get; } = new IntegrateCase(Workloads.W2, 1_024, 100, 16, FlowTolerance,
        "W2: 1e-3 (float32 vs float64 over 1–10 time units, one shared g = 1.5 network)");

    public static BenchCase W3 { get; } = new LyapunovCase(Workloads.W3, 256, 2.5, 25, 8, FlowTolerance,
        "W3: 1e-3 on the exponents (the compared members have g ≤ 0.57, a stable fixed point; float32 tangents)");

    public static BenchCase W4 { get; } = new ScanCase();

    public static BenchCase W5 { get; } = new IntegrateCase(Workloads.W5, 65_536, 200, 1_024, FlowTolerance,
        "W5: 1e-3 (float32 vs float64 Lorenz, t ≤ 1, the compared members have ρ near 0)");

    public static BenchCase W7 { get; } = new SequenceCase();

    public static BenchCase W7Recall { get; } = new SequenceRecallCase();

    public static IReadOnlyList<BenchCase> All { get; } = [W1, W2, W3, W4, W5, W7, W7Recall];

    /// <summary>The workloads named in <paramref name="list"/> (comma-separated, case-insensitive); an unknown name is a usage error naming it.</summary>
    public static IReadOnlyList<BenchCase> Parse(string list, string flag)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
            throw new UsageException($"{flag}: no workload named; valid: {string.Join(", ", All.Select(c => c.Id))}.");
        return names.Select(n => All.FirstOrDefault(c => string.Equals(c.Id, n, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"{flag}: unknown workload '{n}'; valid: {string.Join(", ", All.Select(c => c.Id))}."))
            .Distinct().ToList();
    }
}
