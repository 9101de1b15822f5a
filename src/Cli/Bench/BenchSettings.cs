namespace FastAttractors.Cli.Bench;

/// <summary>What one <c>fastattractors bench</c> run does.</summary>
/// <param name="Size">small or full.</param>
/// <param name="Cases">the workloads, in table order.</param>
/// <param name="Backends">the backends, in table order (those present, or those named).</param>
/// <param name="Runs">timed calls per row after the warm-up; the row reports their median.</param>
internal sealed record BenchSettings(BenchSize Size, IReadOnlyList<BenchCase> Cases, IReadOnlyList<Backend> Backends, int Runs)
{
    /// <summary>3 timed calls at small size (a quick look), 5 at full (docs/benchmarks.md asks for medians of ≥ 5).</summary>
    public static int DefaultRuns(BenchSize size) => size == BenchSize.Small ? 3 : 5;
}
