using System.Diagnostics;
using System.Globalization;
using FastAttractors.Degeneracy;
using FastAttractors.Training;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Bench.W8;

/// <summary>
/// <c>w8 [--networks 256] [--width 64] [--iterations 20] [--length 100] [--batch 64] [--threshold 1e-3] [--peer PATH|none]</c>:
/// W8, task-trained ensembles. Trains B flip-flop networks of width n side by side with <see cref="EnsembleTrainer"/>
/// (every network its own weights and a fresh minibatch of its own trials per update, Adam η = 10⁻³, clipping at 1),
/// then finds the fixed points of all B networks (32 starts each on their own states, Levenberg–Marquardt), then runs
/// the PyTorch peer (bench/peers/flipflop_ensemble_torch.py: the B networks stacked and stepped with batched matrix
/// products) on the same sizes in the same process tree, one after the other. Rates are network-trial-steps per
/// second, B·batch·T·iterations / s, forward + backward + Adam, data generation included on both sides. Before the
/// ensemble, one network's gradient is timed alone on one thread, for the kernel's GFLOP/s.
/// </summary>
internal static class W8Runner
{
    public static int Run(IReadOnlyList<string> args)
    {
        int networks = 256, width = 64, iterations = 20, length = 100, batch = 64;
        double threshold = 1e-3;
        string? peer = Path.Combine(RepoRoot(), "bench", "peers", "flipflop_ensemble_torch.py");
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--networks": networks = Int(); break;
                case "--width": width = Int(); break;
                case "--iterations": iterations = Int(); break;
                case "--length": length = Int(); break;
                case "--batch": batch = Int(); break;
                case "--threshold": threshold = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--peer": peer = Value() is var p && p == "none" ? null : p; break;
                default:
                    throw new ArgumentException($"unknown w8 option '{args[i]}'; usage: w8 [--networks B] [--width n] [--iterations I] [--length T] [--batch S] [--threshold L] [--peer PATH|none]");
            }
        }
        if (networks < 1 || width < 1 || iterations < 1 || length < 1 || batch < 1 || !(threshold > 0))
            throw new ArgumentException($"--networks, --width, --iterations, --length, --batch must be ≥ 1 and --threshold > 0, got {networks}, {width}, {iterations}, {length}, {batch}, {threshold}.");
        double work = (double)networks * batch * length * iterations;
        Console.WriteLine(F($"W8: {networks} flip-flop networks, n = {width}, T = {length}, batch {batch}, {iterations} updates each; {Environment.ProcessorCount} cores"));

        var task = new FlipFlopTask(length);
        var members = Enumerable.Range(0, networks).Select(k => new EnsembleMemberSpec(task, width, RnnInitialisation.Default, 1 + k, 1e-3)).ToArray();
        // One epoch of `iterations` fresh minibatches; evaluations only at the start and the end, on 8 trials (0.1 % of the work).
        var options = new EnsembleOptions
        {
            BatchSize = batch, TrainSize = batch * iterations, TestSize = 8, Epochs = 1, EvaluateEvery = iterations, LossThreshold = threshold, Patience = 0,
        };
        EnsembleTrainer.Train(members.Take(2).ToArray(), options with { TrainSize = batch * 2, EvaluateEvery = 2 }); // warm-up: tiered JIT
        GradientAlone(task, width, batch, length);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var trained = EnsembleTrainer.Train(members, options);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double trainCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(F($"engine training: {trainSeconds:0.000} s wall ({trainCpu:0.0} s CPU), {work / trainSeconds:0.000e+0} network-trial-steps/s (≈ {6.0 * width * width * work / trainSeconds / 1e9:0.0} GFLOP/s at 6n² per step), converged {trained.Count(r => r.Status == EnsembleMemberStatus.Converged)}/{networks}, median test loss {Median(trained.Select(r => r.FinalTestLoss)):0.0000}"));

        clock.Restart();
        var trials = TaskBatches.Range(task, 1, TaskSplit.Test, DegeneracyStudy.SharedTrialOffset, 4);
        var systems = new TanhNetwork[networks];
        var starts = new double[networks][,];
        Parallel.For(0, networks, k =>
        {
            var final = trained[k].Final;
            systems[k] = TanhNetwork.Discrete(RnnStates.RecurrentWeights(final), final.B.ToArray());
            starts[k] = FixedPointFinder.SampleStarts(RnnStates.Record(final, trials), 32, k);
        });
        var points = FixedPointFinder.FindAll(systems, starts, new FixedPointOptions { MaxIterations = 100, StartNoise = 0.01 });
        double fixedSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(F($"engine fixed points: {fixedSeconds:0.000} s for all {networks} networks (32 starts each), median {Median(points.Select(p => (double)p.FixedPoints.Count())):0} fixed points per network; {fixedSeconds / trainSeconds:0.00} × the training time"));

        if (peer is null)
            return 0;
        if (!File.Exists(peer) || !File.Exists("/usr/bin/python3"))
        {
            Console.WriteLine($"peer: skipped ({peer} or /usr/bin/python3 missing)");
            return 0;
        }
        var psi = new ProcessStartInfo("/usr/bin/python3", [peer, .. new[] { networks, width, iterations, length, batch }.Select(v => v.ToString(CultureInfo.InvariantCulture)), threshold.ToString("R", CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var python = Process.Start(psi)!;
        string output = python.StandardOutput.ReadToEnd();
        string errors = python.StandardError.ReadToEnd();
        python.WaitForExit();
        if (python.ExitCode != 0)
        {
            Console.WriteLine($"peer failed ({python.ExitCode}): {errors.Trim()}");
            return 1;
        }
        var fields = output.Trim().Split(' ').Select(f => f.Split('=')).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        double peerSeconds = double.Parse(fields["seconds"], CultureInfo.InvariantCulture);
        Console.WriteLine($"peer: {output.Trim()}");
        Console.WriteLine(F($"PyTorch training: {peerSeconds:0.000} s, {work / peerSeconds:0.000e+0} network-trial-steps/s (≈ {6.0 * width * width * work / peerSeconds / 1e9:0.0} GFLOP/s); engine / PyTorch = {peerSeconds / trainSeconds:0.00}×"));
        return 0;
    }

    /// <summary>
    /// One network's minibatch gradient on this thread, timed call by call: the kernel's own rate without the
    /// ensemble's data generation, Adam and thread-pool sharing. The fastest call is the figure least disturbed by other
    /// jobs on a shared machine; the median is printed beside it. Flops are counted as 6n² per trial-step (forward W h,
    /// backward Wᵀ δ and the rank-one update of ∂L/∂W, 2n² each); input, readout and tanh work is not counted.
    /// </summary>
    private static void GradientAlone(FlipFlopTask task, int width, int batch, int length)
    {
        var shape = new RnnShape(width, task.Inputs, task.Outputs);
        var parameters = RnnInitialiser.Create(shape, RnnInitialisation.Default, 1);
        var trials = TaskBatches.Range(task, 1, TaskSplit.Train, 0, batch);
        var path = new BatchedRnnGradient(shape, threads: 1);
        var gradient = new double[shape.Count];
        // Long enough for tiered JIT to finish (tier-1 code is compiled in the background).
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1;)
            path.Compute(parameters, trials, gradient);
        var times = new List<double>();
        for (var clock = Stopwatch.StartNew(); clock.Elapsed.TotalSeconds < 2 || times.Count < 5;)
        {
            long start = Stopwatch.GetTimestamp();
            path.Compute(parameters, trials, gradient);
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        double best = times[0], median = times[times.Count / 2], flops = 6.0 * width * width * batch * length;
        Console.WriteLine(F($"gradient alone (one network, one thread, {times.Count} calls): fastest {best * 1e3:0.000} ms per minibatch = {flops / best / 1e9:0.0} GFLOP/s, median {median * 1e3:0.000} ms = {flops / median / 1e9:0.0} GFLOP/s (6n² flops per trial-step)"));
    }

    /// <summary>The folder holding FastAttractors.sln, searched upward from the working folder.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FastAttractors.sln")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
