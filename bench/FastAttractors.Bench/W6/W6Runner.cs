using System.Diagnostics;
using System.Globalization;
using FastAttractors.Bench.Compare;
using FastAttractors.Lyapunov.Estimators;

namespace FastAttractors.Bench.W6;

/// <summary>
/// <c>w6 [--runs N] [--duration T] [--precision f32|f64|both]</c>: W6 (CPU size) on the GEMM estimator, timed end to
/// end per precision (median of N runs after one warm-up of a tenth of the duration), with GFLOP/s, the fraction of
/// the machine's peak, and the split of time between tangent propagation (packing + GEMM) and QR.
/// </summary>
internal static class W6Runner
{
    public static int Run(IReadOnlyList<string> args)
    {
        int runs = 5;
        double duration = W6Workload.Duration;
        var precisions = new[] { Precision.Float32, Precision.Float64 };
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--duration": duration = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--precision":
                    precisions = Value() switch
                    {
                        "f32" => [Precision.Float32],
                        "f64" => [Precision.Float64],
                        "both" => precisions,
                        var v => throw new ArgumentException($"--precision: f32, f64 or both, got '{v}'."),
                    };
                    break;
                default: throw new ArgumentException($"unknown w6 option '{args[i]}'; usage: w6 [--runs N] [--duration T] [--precision f32|f64|both]");
            }
        }
        if (runs < 1 || !(duration > 0))
            throw new ArgumentException($"--runs must be ≥ 1 and --duration > 0, got {runs} and {duration}.");
        var peak = MachinePeak.Detect();
        var flops = W6Workload.PerStep();
        long steps = W6Workload.Steps(duration);
        Console.WriteLine(peak.Describe());
        Console.WriteLine(F($"W6 CPU: TanhRnn n = {W6Workload.N}, g = {W6Workload.G}, zero diagonal, k = {W6Workload.K}, RK4 dt {W6Workload.Dt}, QR every {W6Workload.Every} steps, {duration} τ = {steps} steps; {flops.Arithmetic / 1e6:F1} M flops + {flops.TanhCalls} tanh per step (GEMM {W6Workload.GemmFlopsPerStep() / 1e6:F1} M); median of {runs}"));
        foreach (var precision in precisions)
        {
            double peakGflops = precision == Precision.Float32 ? peak.PeakFloat32Gflops : peak.PeakFloat64Gflops;
            using var estimator = new LargeNetworkLyapunov();
            estimator.Estimate(W6Workload.Plan(precision, Math.Max(5, duration / 10))); // warm-up: ≥ 10 QR intervals
            var times = new List<double>();
            var gemm = new List<double>();
            var qr = new List<double>();
            double lambda1 = double.NaN;
            var plan = W6Workload.Plan(precision, duration);
            for (int r = 0; r < runs; r++)
            {
                var sw = Stopwatch.StartNew();
                var les = estimator.Estimate(plan);
                times.Add(sw.Elapsed.TotalSeconds);
                gemm.Add(estimator.GemmTime.TotalSeconds);
                qr.Add(estimator.QrTime.TotalSeconds);
                lambda1 = les.Exponents[0];
                Console.WriteLine(F($"  {precision} run {r + 1}: {times[^1]:F2} s (GEMM {gemm[^1]:F2} s, QR {qr[^1]:F2} s), λ1 = {lambda1:F4}, λk = {les.Exponents[^1]:F4}"));
            }
            double t = Stats.Median(times), tg = Stats.Median(gemm), tq = Stats.Median(qr);
            double gflops = flops.Arithmetic * steps / t / 1e9;
            double gemmGflops = W6Workload.GemmFlopsPerStep() * steps / tg / 1e9;
            Console.WriteLine(F($"W6 {precision}: median {t:F2} s (min {times.Min():F2}, max {times.Max():F2}); {gflops:F1} GFLOP/s = {100 * gflops / peakGflops:F0} % of {peakGflops:F1} peak; ")
                + F($"GEMM {tg:F2} s ({100 * tg / t:F0} %, {gemmGflops:F1} GFLOP/s = {100 * gemmGflops / peakGflops:F0} % of peak), QR {tq:F2} s ({100 * tq / t:F0} %), rest {t - tg - tq:F2} s; λ1 = {lambda1:F4}"));
        }
        return 0;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
