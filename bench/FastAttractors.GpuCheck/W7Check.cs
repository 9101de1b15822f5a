using System.Diagnostics;
using System.Globalization;
using FastAttractors;

/// <summary>
/// <c>GpuCheck &lt;backend&gt; &lt;repeats&gt; w7 [recall=65536] [train=4096] [trials=4] [tiny]</c>: the binary kernels on the named
/// backend. First agreement with the Reference on small dyadic cases (training bit for bit; recall trial by trial in
/// float64 and float32), then W7 at GPU size (docs/benchmarks.md): training of <c>train</c> networks (N = 100, M = 400,
/// T = 50, U+V batch, η = 2⁻¹⁰, κ = 1), then recall of <c>recall</c> networks in blocks (a TrainingResult holds at most
/// one array's worth of weights), each block tiling the trained networks. <c>tiny</c> shrinks N, M, T so the check
/// runs on IlgpuCpu. Units as bench/RESULTS.md W7: synaptic updates = epochs × 2·M·N·T; recall network-steps count T
/// per successful trial and 1 per failed one. Times are end to end (host packing, transfers, kernels), first run apart.
/// </summary>
internal static class W7Check
{
    public static int Run(Engine engine, Engine reference, Backend backend, int repeats, IReadOnlyList<string> args)
    {
        int recallNetworks = 65_536, trainNetworks = 4096, trials = 4;
        bool tiny = false;
        foreach (var arg in args)
        {
            var parts = arg.Split('=');
            switch (parts[0])
            {
                case "recall": recallNetworks = int.Parse(parts[1], CultureInfo.InvariantCulture); break;
                case "train": trainNetworks = int.Parse(parts[1], CultureInfo.InvariantCulture); break;
                case "trials": trials = int.Parse(parts[1], CultureInfo.InvariantCulture); break;
                case "tiny": tiny = true; break;
                default: throw new ArgumentException($"unknown w7 argument '{arg}'; valid: recall=B train=B trials=R tiny", nameof(args));
            }
        }
        bool ok = Agreement(engine, reference);
        int n = tiny ? 20 : 100, m = tiny ? 40 : 400, t = tiny ? 10 : 50;
        var options = new TrainingOptions { Variant = NetworkVariant.HiddenUV, Hidden = m, Eta = 1.0 / 1024, Kappa = 1, MaxEpochs = 500 };
        var sequences = Sequences(trainNetworks, t, n);
        var sw = Stopwatch.StartNew();
        var trained = engine.TrainSequences(sequences, options);
        double first = sw.Elapsed.TotalSeconds;
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            sw.Restart();
            trained = engine.TrainSequences(sequences, options);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        double train = Median(times, first);
        double updates = trained.Epochs.Sum(e => (double)e) * 2.0 * m * n * t;
        Console.WriteLine(F($"W7 train {trained.Backend}: {trainNetworks} networks N={n} M={m} T={t}: first {first:F3} s, median {train:F3} s, ")
            + F($"{updates / train / 1e9:F3} G synaptic updates/s (mean {trained.Epochs.Average():F1} epochs, {trained.Converged.Count(c => c)} converged)"));

        foreach (var precision in new[] { Precision.Float64, Precision.Float32 })
        {
            var recall = new RecallOptions { FlippedBits = tiny ? 2 : 10, Trials = trials, Precision = precision };
            // A block holds at most one array of weights per matrix: B·M·N ≤ 2^31 − 1 (16,384 networks at M = 400, N = 100 fit with room).
            int block = Math.Min(recallNetworks, Math.Max(1, (int)Math.Min(16_384, (long)int.MaxValue / (2L * m * n))));
            double seconds = 0, steps = 0, hits = 0;
            for (int start = 0; start < recallNetworks; start += block)
            {
                var tiled = Tile(trained, Math.Min(block, recallNetworks - start));
                if (start == 0)
                    engine.Recall(tiled, recall with { Trials = 1 }); // loads the kernel
                sw.Restart();
                var result = engine.Recall(tiled, recall);
                seconds += sw.Elapsed.TotalSeconds;
                steps += result.Success.Sum(s => s ? (double)t : 1.0);
                hits += result.Success.Count(s => s);
            }
            Console.WriteLine(F($"W7 recall {backend} {precision}: {recallNetworks} networks × {trials} trials: {seconds:F3} s, ")
                + F($"{steps / seconds / 1e6:F3} M network-steps/s (success {hits / ((double)recallNetworks * trials):P1})"));
        }
        Console.WriteLine(ok ? "ALL W7 AGREEMENT CHECKS PASSED" : "SOME W7 AGREEMENT CHECKS FAILED");
        return ok ? 0 : 1;
    }

    /// <summary>Small dyadic cases: training must equal the Reference bit for bit, recall trial by trial in both precisions.</summary>
    internal static bool Agreement(Engine engine, Engine reference)
    {
        bool all = true;
        foreach (var variant in new[] { NetworkVariant.HiddenUV, NetworkVariant.HiddenVOnly, NetworkVariant.VisiblePerceptron })
        {
            foreach (var schedule in Enum.GetValues<TrainingSchedule>())
            {
                var sequences = Sequences(3, 8, 24, seed: 11);
                var options = new TrainingOptions { Variant = variant, Schedule = schedule, Hidden = 48, Eta = 1.0 / 64, Kappa = 1, MaxEpochs = 60, Biases = BiasMode.Learned };
                var expected = reference.TrainSequences(sequences, options);
                var actual = engine.TrainSequences(sequences, options);
                bool same = expected.U.SequenceEqual(actual.U) && expected.V.SequenceEqual(actual.V) && expected.W.SequenceEqual(actual.W)
                    && expected.HiddenBias.SequenceEqual(actual.HiddenBias) && expected.VisibleBias.SequenceEqual(actual.VisibleBias)
                    && expected.Epochs.SequenceEqual(actual.Epochs) && expected.MinVisibleMargin.SequenceEqual(actual.MinVisibleMargin)
                    && Enumerable.Range(0, 3).All(b => expected.VisibleGateFraction(b).SequenceEqual(actual.VisibleGateFraction(b))
                        && expected.HiddenGateFraction(b).SequenceEqual(actual.HiddenGateFraction(b)));
                foreach (var precision in Enum.GetValues<Precision>())
                {
                    var recall = new RecallOptions { FlippedBits = 4, Trials = 16, Precision = precision };
                    same &= reference.Recall(expected, recall).Success.SequenceEqual(engine.Recall(expected, recall).Success);
                }
                all &= same;
                Console.WriteLine($"w7 agree {(same ? "OK  " : "FAIL")} {variant,-17} {schedule,-6} training (exact) and recall (float64, float32) on {actual.Backend}");
            }
        }
        return all;
    }

    private static SequenceBatch Sequences(int networks, int length, int visible, ulong seed = 7)
    {
        // Random ±1 patterns (as bench W7Workload); at N ≥ 20 a repeat within a sequence is vanishingly rare, and SequenceBatch rejects any that matter.
        var patterns = new sbyte[(long)networks * length * visible];
        for (long i = 0; i < patterns.Length; i++)
            patterns[i] = (CounterRandom.Bits(seed, 0, (ulong)i) & 1) == 0 ? (sbyte)1 : (sbyte)-1;
        return new SequenceBatch(patterns, networks, length, visible);
    }

    /// <summary>B networks, network j a copy of trained network j mod S (sequence, weights, biases), for recall throughput.</summary>
    private static TrainingResult Tile(TrainingResult source, int networks)
    {
        int s = source.Networks, n = source.Visible, m = source.Hidden, len = source.Sequences.Length;
        var src = source.Sequences.ToArray();
        var patterns = new sbyte[(long)networks * len * n];
        var u = new double[(long)networks * m * n];
        var v = new double[(long)networks * n * m];
        var hb = new double[(long)networks * m];
        var vb = new double[(long)networks * n];
        Parallel.For(0, networks, j =>
        {
            int from = j % s;
            Array.Copy(src, (long)from * len * n, patterns, (long)j * len * n, (long)len * n);
            Array.Copy(source.U, (long)from * m * n, u, (long)j * m * n, (long)m * n);
            Array.Copy(source.V, (long)from * n * m, v, (long)j * n * m, (long)n * m);
            Array.Copy(source.HiddenBias, (long)from * m, hb, (long)j * m, m);
            Array.Copy(source.VisibleBias, (long)from * n, vb, (long)j * n, n);
        });
        var sequences = new SequenceBatch(patterns, networks, len, n, source.Sequences.Boundary);
        var empty = Enumerable.Range(0, networks).Select(_ => Array.Empty<double>()).ToArray();
        return new TrainingResult(sequences, source.Options, m, source.Backend, u, v, [], hb, vb, new int[networks], new bool[networks],
            empty, empty, new double[networks], new double[networks]);
    }

    private static double Median(List<double> times, double fallback)
    {
        if (times.Count == 0)
            return fallback;
        times.Sort();
        return times[times.Count / 2];
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
