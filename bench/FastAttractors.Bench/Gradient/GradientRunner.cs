using System.Diagnostics;
using System.Globalization;
using FastAttractors.Bench.Compare;

namespace FastAttractors.Bench.Gradient;

/// <summary>
/// <c>gradient [--runs N] [--backend simd,ilgpucpu,…] [--members M] [--workload n16|n64|all]</c>: the cost of a
/// gradient in forward passes. Per workload and backend: one warm-up of each call, then the median of N Stopwatch-timed
/// Engine.Integrate (final state only) and Engine.Gradient calls on the same problem, and their ratio. The adjoint
/// does a forward pass, a recomputation of every segment and the backward steps (each a stage recomputation plus
/// four VJPs and parameter cotangents), so ≈ 4–6 forward passes is the expected range.
/// </summary>
internal static class GradientRunner
{
    public static int Run(IReadOnlyList<string> args)
    {
        int runs = 3;
        int? members = null;
        var workloads = GradientWorkload.All;
        IReadOnlyList<Backend> backends = new[] { Backend.Simd, Backend.IlgpuCpu }.Where(DeviceCatalog.IsAvailable).ToArray();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--members": members = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--workload":
                    string w = Value();
                    workloads = w == "all" ? GradientWorkload.All : [GradientWorkload.Get(w)];
                    break;
                case "--backend":
                    backends = Value().Split(',').Select(b => BackendNames.Parse(b, "--backend")).ToArray();
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown gradient option '{args[i]}'; usage: gradient [--runs N] [--backend simd,ilgpucpu] [--members M] [--workload n16|n64|all]");
            }
        }
        if (runs < 1)
            throw new ArgumentException($"--runs must be at least 1, got {runs}.");
        if (members is < 1)
            throw new ArgumentException($"--members must be at least 1, got {members}.");
        Console.WriteLine(F($"Gradient / forward time: RK4 dt {GradientWorkload.Dt}, {GradientWorkload.Steps} steps, float32, terminal loss, default checkpointing; median of {runs}"));
        foreach (var workload in workloads)
        {
            int m = members ?? workload.DefaultMembers;
            var problem = workload.Build(m);
            var loss = workload.Loss();
            foreach (var backend in backends)
            {
                using var engine = Engine.Create(backend);
                var (forward, gradient, failed, interval) = Measure(engine, workload, problem, loss, runs);
                Console.WriteLine(F($"{workload.Id} {workload}, {m} members, {backend}: forward {forward * 1e3:F1} ms, gradient {gradient * 1e3:F1} ms (C = {interval}), ratio {gradient / forward:F2}")
                    + (failed > 0 ? F($"; {failed} members not Ok") : ""));
            }
        }
        return 0;
    }

    private static (double Forward, double Gradient, int Failed, int Interval) Measure(Engine engine, GradientWorkload w, EnsembleProblem problem, Loss loss, int runs)
    {
        engine.Integrate(problem, w.Solver, GradientWorkload.Steps, SaveAt.Final, GradientWorkload.IntegrateOptions);
        engine.Gradient(problem, w.Solver, GradientWorkload.Steps, loss, GradientWorkload.GradientOptions);
        var forward = new List<double>();
        var gradient = new List<double>();
        EnsembleGradients? last = null;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            engine.Integrate(problem, w.Solver, GradientWorkload.Steps, SaveAt.Final, GradientWorkload.IntegrateOptions);
            forward.Add(sw.Elapsed.TotalSeconds);
            sw.Restart();
            last = engine.Gradient(problem, w.Solver, GradientWorkload.Steps, loss, GradientWorkload.GradientOptions);
            gradient.Add(sw.Elapsed.TotalSeconds);
        }
        return (Stats.Median(forward), Stats.Median(gradient), last!.Status.Count(s => s != GradientStatus.Ok), last.CheckpointInterval);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
