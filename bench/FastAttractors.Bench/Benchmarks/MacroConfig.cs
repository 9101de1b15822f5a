using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// Macro benchmarks of ~0.1–2 s per call: no pilot stage and one call per iteration (Monitoring), one warm-up,
/// five measured iterations, one launch, so the whole suite runs in a few minutes.
/// </summary>
internal static class MacroConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithId("Macro"))
        .AddColumn(new MemberStepsColumn())
        .AddDiagnoser(MemoryDiagnoser.Default);
}
