using System.Diagnostics;

namespace FastAttractors.Bench.Compare;

/// <summary>Times Engine.Integrate end to end (parameter packing, integration, unpacking) with a Stopwatch.</summary>
internal static class EngineTimer
{
    /// <summary>
    /// Builds the problem (not timed), runs it once to warm up (JIT, kernel compilation, caches), then
    /// <paramref name="runs"/> timed runs; returns the median seconds and the non-finite member count of the last run.
    /// </summary>
    public static (double Seconds, int NonFinite) Measure(Engine engine, Workload w, int members, int runs)
    {
        var problem = w.Build(members);
        engine.Integrate(problem, w.Solver, w.Steps, SaveAt.Final, Workload.Float32);
        var times = new List<double>();
        int nonFinite = 0;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var sol = engine.Integrate(problem, w.Solver, w.Steps, SaveAt.Final, Workload.Float32);
            times.Add(sw.Elapsed.TotalSeconds);
            nonFinite = sol.Status.Count(s => s != MemberStatus.Ok);
        }
        return (Stats.Median(times), nonFinite);
    }
}
