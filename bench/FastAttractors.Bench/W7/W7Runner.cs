using System.Diagnostics;
using System.Globalization;
using FastAttractors.Bench.Compare;

namespace FastAttractors.Bench.W7;

/// <summary>
/// <c>w7 [--runs N] [--networks B] [--reference-networks B] [--epochs E] [--trials R] [--backend reference,simd,…]</c>:
/// W7 learn and recall per backend, median of N Stopwatch-timed calls after one warm-up, as synaptic updates/s
/// (<see cref="W7Workload.SynapticUpdates"/>) and recall network-steps/s (<see cref="W7Workload.RecallSteps"/>).
/// The Reference runs on fewer networks (default 8) because it is slow; rates are per second over all networks, which
/// are independent, so they compare across network counts.
/// </summary>
internal static class W7Runner
{
    public static int Run(IReadOnlyList<string> args)
    {
        int runs = 3, networks = 256, referenceNetworks = 8, epochs = 500, trials = 10;
        IReadOnlyList<Backend> backends = new[] { Backend.Reference, Backend.Simd }.Where(DeviceCatalog.IsAvailable).ToArray();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--runs": runs = Int(); break;
                case "--networks": networks = Int(); break;
                case "--reference-networks": referenceNetworks = Int(); break;
                case "--epochs": epochs = Int(); break;
                case "--trials": trials = Int(); break;
                case "--backend": backends = Value().Split(',').Select(b => BackendNames.Parse(b, "--backend")).ToArray(); break;
                default:
                    throw new ArgumentException($"unknown w7 option '{args[i]}'; usage: w7 [--runs N] [--networks B] [--reference-networks B] [--epochs E] [--trials R] [--backend reference,simd]");
            }
        }
        if (runs < 1 || networks < 1 || referenceNetworks < 1 || epochs < 1 || trials < 1)
            throw new ArgumentException($"--runs, --networks, --reference-networks, --epochs and --trials must be ≥ 1, got {runs}, {networks}, {referenceNetworks}, {epochs}, {trials}.");
        Console.WriteLine(F($"W7: HiddenUV batch, N = {W7Workload.N}, M = {W7Workload.M}, T = {W7Workload.T}, η = 2^-10, κ = 1, ≤ {epochs} epochs; recall {trials} trials × {W7Workload.Flips} flips; median of {runs}; {Environment.ProcessorCount} cores"));
        foreach (var backend in backends)
        {
            int b = backend == Backend.Reference ? referenceNetworks : networks;
            var sequences = W7Workload.Sequences(b);
            using var engine = Engine.Create(backend);
            // A warm-up on two whole networks, so that the timed calls run tiered-up (optimised) code.
            var warm = engine.TrainSequences(W7Workload.Sequences(2), W7Workload.Training(epochs));
            engine.Recall(warm, W7Workload.Recall(trials));
            var trainTimes = new List<double>();
            var recallTimes = new List<double>();
            var trainCpu = new List<double>();
            var recallCpu = new List<double>();
            var process = Process.GetCurrentProcess();
            TrainingResult? trained = null;
            RecallResult? recalled = null;
            for (int r = 0; r < runs; r++)
            {
                // CPU seconds of the process beside the wall clock: on a machine shared with other jobs the wall clock
                // measures the share the scheduler gave, the CPU time the work itself.
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                trained = engine.TrainSequences(sequences, W7Workload.Training(epochs));
                trainTimes.Add(sw.Elapsed.TotalSeconds);
                process.Refresh();
                trainCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
                cpu = process.TotalProcessorTime;
                sw.Restart();
                recalled = engine.Recall(trained, W7Workload.Recall(trials));
                recallTimes.Add(sw.Elapsed.TotalSeconds);
                process.Refresh();
                recallCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            }
            double train = Stats.Median(trainTimes), recall = Stats.Median(recallTimes);
            Console.WriteLine(F($"W7 {backend}, {b} networks: train {train:F3} s, {W7Workload.SynapticUpdates(trained!) / train / 1e9:F3} G synaptic updates/s ")
                + F($"(mean {trained!.Epochs.Average():F1} epochs, {trained.Converged.Count(c => c)}/{b} converged, {W7Workload.OpenGates(trained) / b:E2} open gates per network); ")
                + F($"recall {recall * 1e3:F1} ms, {W7Workload.RecallSteps(recalled!) / recall / 1e6:F3} M network-steps/s (success {recalled!.OverallSuccessRate():P1}); ")
                + F($"per CPU second: {W7Workload.SynapticUpdates(trained) / Stats.Median(trainCpu) / 1e9:F3} G updates, {W7Workload.RecallSteps(recalled) / Stats.Median(recallCpu) / 1e6:F3} M steps; ")
                + F($"range train {trainTimes.Min():F3}–{trainTimes.Max():F3} s, recall {recallTimes.Min() * 1e3:F1}–{recallTimes.Max() * 1e3:F1} ms"));
        }
        return 0;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
