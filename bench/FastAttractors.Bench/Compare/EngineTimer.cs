using System.Diagnostics;

namespace FastAttractors.Bench.Compare;

/// <summary>Times Engine.Integrate end to end (parameter packing, integration, unpacking) with a Stopwatch.</summary>
internal static class EngineTimer
{
    /// <summary>
    /// Builds the problem (not timed), runs it once to warm up (JIT, kernel compilation, caches), then
    /// <paramref name="runs"/> timed runs; returns the median seconds, the median of the same call with 0 steps (packing
    /// parameters and states, allocating the solution: the fixed cost inside the timed call) and the non-finite
    /// member count of the last run.
    /// </summary>
    public static (double Seconds, double ZeroStepSeconds, int NonFinite) Measure(Engine engine, Workload w, int members, int runs)
    {
        if (w.IsLyapunov)
        {
            var (seconds, failed) = MeasureLyapunov(engine, w, members, runs, w.Lyapunov!);
            return (seconds, double.NaN, failed);
        }
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
        var overheads = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            engine.Integrate(problem, w.Solver, 0, SaveAt.Final, Workload.Float32);
            overheads.Add(sw.Elapsed.TotalSeconds);
        }
        return (Stats.Median(times), Stats.Median(overheads), nonFinite);
    }

    /// <summary>
    /// A Lyapunov workload: one warm-up, then the median of <paramref name="runs"/> Stopwatch-timed Engine.Lyapunov
    /// calls (end to end, as the peer's loop: integration, tangents, QR, diagnostics); the count of members that did
    /// not finish Ok or NotConverged (diverged) in the last run.
    /// </summary>
    public static (double Seconds, int Diverged) MeasureLyapunov(Engine engine, Workload w, int members, int runs, LyapunovOptions options)
    {
        var problem = w.Build(members);
        engine.Lyapunov(problem, w.Solver, options);
        var times = new List<double>();
        int diverged = 0;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var les = engine.Lyapunov(problem, w.Solver, options);
            times.Add(sw.Elapsed.TotalSeconds);
            diverged = les.Status.Count(s => s == LyapunovStatus.Diverged);
        }
        return (Stats.Median(times), diverged);
    }
}
