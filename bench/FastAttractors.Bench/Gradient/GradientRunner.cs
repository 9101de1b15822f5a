using System.Diagnostics;
using System.Globalization;
using FastAttractors.Bench.Compare;

namespace FastAttractors.Bench.Gradient;

/// <summary>
/// <c>gradient [--runs N] [--backend simd,ilgpucpu,…] [--members M] [--workload n16|n64|all] [--checkpoint C]</c>: the
/// cost of a gradient in forward passes (--checkpoint sets GradientOptions.CheckpointInterval, to time an explicit C
/// against the default). Per workload and backend: one warm-up of each call, then the median of N Stopwatch-timed
/// Engine.Integrate (final state only) and Engine.Gradient calls on the same problem, and their ratio; also the
/// medians of the process CPU time each call took, which a shared, noisy machine's scheduler moves less than the wall
/// clock. The adjoint
/// does a forward pass, a recomputation of every segment and the backward steps (each a stage recomputation plus
/// four VJPs and parameter cotangents), so ≈ 4–6 forward passes is the expected range.
/// </summary>
internal static class GradientRunner
{
    public static int Run(IReadOnlyList<string> args)
    {
        int runs = 3;
        int? members = null;
        int? checkpoint = null;
        var workloads = GradientWorkload.All;
        IReadOnlyList<Backend> backends = new[] { Backend.Simd, Backend.IlgpuCpu }.Where(DeviceCatalog.IsAvailable).ToArray();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--members": members = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--checkpoint": checkpoint = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--workload":
                    string w = Value();
                    workloads = w == "all" ? GradientWorkload.All : [GradientWorkload.Get(w)];
                    break;
                case "--backend":
                    backends = Value().Split(',').Select(b => BackendNames.Parse(b, "--backend")).ToArray();
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown gradient option '{args[i]}'; usage: gradient [--runs N] [--backend simd,ilgpucpu] [--members M] [--workload n16|n64|all] [--checkpoint C]");
            }
        }
        if (runs < 1)
            throw new ArgumentException($"--runs must be at least 1, got {runs}.");
        if (members is < 1)
            throw new ArgumentException($"--members must be at least 1, got {members}.");
        if (checkpoint is < 1)
            throw new ArgumentException($"--checkpoint must be at least 1, got {checkpoint}.");
        var options = GradientWorkload.GradientOptions with { CheckpointInterval = checkpoint };
        Console.WriteLine(F($"Gradient / forward time: RK4 dt {GradientWorkload.Dt}, {GradientWorkload.Steps} steps, float32, terminal loss, {(checkpoint is { } c ? $"checkpoint interval {c}" : "default checkpointing")}; median of {runs}"));
        foreach (var workload in workloads)
        {
            int m = members ?? workload.DefaultMembers;
            var problem = workload.Build(m);
            var loss = workload.Loss();
            foreach (var backend in backends)
            {
                using var engine = Engine.Create(backend);
                var t = Measure(engine, workload, problem, loss, options, runs);
                Console.WriteLine(F($"{workload.Id} {workload}, {m} members, {backend}: forward {t.Forward * 1e3:F1} ms, gradient {t.Gradient * 1e3:F1} ms (C = {t.Interval}), ratio {t.Gradient / t.Forward:F2}")
                    + F($"; CPU time forward {t.ForwardCpu * 1e3:F0} ms, gradient {t.GradientCpu * 1e3:F0} ms, ratio {t.GradientCpu / t.ForwardCpu:F2}")
                    + (t.Failed > 0 ? F($"; {t.Failed} members not Ok") : ""));
            }
        }
        return 0;
    }

    private readonly record struct Timings(double Forward, double Gradient, double ForwardCpu, double GradientCpu, int Failed, int Interval);

    private static Timings Measure(Engine engine, GradientWorkload w, EnsembleProblem problem, Loss loss,
        GradientOptions options, int runs)
    {
        engine.Integrate(problem, w.Solver, GradientWorkload.Steps, SaveAt.Final, GradientWorkload.IntegrateOptions);
        engine.Gradient(problem, w.Solver, GradientWorkload.Steps, loss, options);
        var forward = new List<double>();
        var gradient = new List<double>();
        var forwardCpu = new List<double>();
        var gradientCpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        EnsembleGradients? last = null;
        for (int r = 0; r < runs; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            engine.Integrate(problem, w.Solver, GradientWorkload.Steps, SaveAt.Final, GradientWorkload.IntegrateOptions);
            forward.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            forwardCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            cpu = process.TotalProcessorTime;
            sw.Restart();
            last = engine.Gradient(problem, w.Solver, GradientWorkload.Steps, loss, options);
            gradient.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            gradientCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }
        return new(Stats.Median(forward), Stats.Median(gradient), Stats.Median(forwardCpu), Stats.Median(gradientCpu),
            last!.Status.Count(s => s != GradientStatus.Ok), last.CheckpointInterval);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
