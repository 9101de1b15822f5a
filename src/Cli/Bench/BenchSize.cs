namespace FastAttractors.Cli.Bench;

/// <summary>
/// How big <c>fastattractors bench</c> runs: <see cref="Small"/> is a quick look (well under a minute on 2 cores, every
/// workload at a reduced size); <see cref="Full"/> is docs/benchmarks.md's CPU sizes (GPU sizes on Cuda and OpenCL).
/// </summary>
internal enum BenchSize
{
    Small,
    Full,
}

/// <summary>The size one backend runs at on one workload: how many members (networks) it stands for and how many it runs.</summary>
/// <param name="Members">members of the problem the row reports on.</param>
/// <param name="Ran">members actually run and timed: fewer on the slow paths (Reference, IlgpuCpu), whose time for
/// <paramref name="Members"/> is extrapolated from their measured per-member throughput.</param>
internal sealed record BenchScale(int Members, int Ran)
{
    public bool Extrapolated => Ran < Members;
}
