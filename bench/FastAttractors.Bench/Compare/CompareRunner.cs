using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FastAttractors.Bench.Compare;

/// <summary>
/// <c>compare</c>: W1, W2, W3 and W5 on every available backend and in the peers, in one run, as one table of medians,
/// throughputs, ratios and fractions of the CPU's peak (docs/benchmarks.md).
/// </summary>
internal static class CompareRunner
{
    public static int Run(CompareOptions options)
    {
        var log = Console.Out;
        var peak = MachinePeak.Detect();
        string root = RepoRoot();
        string peersDir = Path.Combine(root, "bench", "peers");
        var peers = File.Exists(Path.Combine(peersDir, "ensemble_rk4_numpy.py")) ? new PeerRunner(peersDir, Path.Combine(root, "bench", ".peers-build"), log) : null;
        var backends = options.Backends ?? Workloads.AvailableBackends();
        log.WriteLine(peak.Describe());
        log.WriteLine($"backends: {string.Join(", ", backends)}; size {options.Size}; {options.Runs} timed runs after one warm-up (median), peers {options.PeerRuns} runs (median)");
        if (options.Runs < 5)
            log.WriteLine($"warning: --runs {options.Runs} < 5; docs/benchmarks.md asks for medians of at least 5 runs when reporting.");
        log.WriteLine(peers is null ? $"peers: {peersDir} has no peer programs" : $"peers: {peersDir}");

        var rows = new List<CompareRow>();
        foreach (var w in options.Workloads)
        {
            log.WriteLine($"{w.Id}: {w.Title}");
            foreach (var backend in backends)
            {
                int members = w.MembersFor(backend, options.Size);
                using var engine = Engine.Create(backend);
                var (seconds, zeroStep, nonFinite) = EngineTimer.Measure(engine, w, members, options.Runs);
                string note = backend switch
                {
                    Backend.Reference => "float64 scalar oracle, reduced size",
                    Backend.IlgpuCpu => "ILGPU CPU accelerator (test path), reduced size",
                    _ => "",
                };
                if (w.IsLyapunov)
                {
                    var (share, shareNote) = QrShare.Measure(engine, w, members, options.Runs, seconds);
                    note = (note + "; " + shareNote).TrimStart(';', ' ');
                    if (double.IsFinite(share))
                        log.WriteLine($"  {backend,-9} QR share {100 * share:F1} %");
                }
                else
                {
                    note = (note + F($"; 0-step call {zeroStep:F4} s")).TrimStart(';', ' ');
                }
                if (nonFinite > 0)
                    note = (note + $" {nonFinite} {(w.IsLyapunov ? "diverged" : "non-finite")} members").Trim();
                bool gpu = backend is Backend.Cuda or Backend.OpenCL;
                rows.Add(new CompareRow(w, $"FastAttractors {backend}", false, gpu, members, seconds, (double)members * w.Steps / seconds, note));
                log.WriteLine($"  {backend,-9} {members,9:N0} members: median {seconds:F4} s");
            }
            if (options.VectorWidthProbe && w == Workloads.W1 && backends.Contains(Backend.Simd))
                rows.AddRange(VectorWidthProbe.Run(w, options.Runs, log));
            if (w.NoPeerReason is not null)
                rows.Add(new CompareRow(w, "peer", true, false, 0, double.NaN, double.NaN, w.NoPeerReason));
            foreach (var spec in w.Peers)
            {
                int members = w.CpuMembers;
                if (!options.Peers)
                {
                    rows.Add(new CompareRow(w, spec.Name, true, false, members, double.NaN, double.NaN, "skipped (--no-peers)"));
                    continue;
                }
                var result = peers is null ? PeerResult.Missing("missing: bench/peers has no peer programs") : peers.Run(spec, members, options.PeerRuns);
                string note = result.Problem ?? "peer's own loop timer (setup excluded)";
                rows.Add(new CompareRow(w, spec.Name, true, false, members, result.Seconds, result.Rate, note));
            }
        }

        string table = ResultTable.Render(rows, peak);
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# compare --size {options.Size.ToString().ToLowerInvariant()} ({DateTime.Now:yyyy-MM-dd HH:mm}, commit {Commit(root)})")
            .AppendLine()
            .AppendLine(peak.Describe())
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Flops per member-step: W1 {Workloads.W1.Flops.Arithmetic} + {Workloads.W1.Flops.TanhCalls} tanh, W2 {Workloads.W2.Flops.Arithmetic} + {Workloads.W2.Flops.TanhCalls} tanh, W3 {Workloads.W3.Flops.Arithmetic:F0} + {Workloads.W3.Flops.TanhCalls} tanh/log (state, 16 tangent columns through 4 RK4 stages, QR (MGS twice) every 10 steps), W5 {Workloads.W5.Flops.Arithmetic}; tanh counted as {FlopCount.FlopsPerTanh} flops in GFLOP/s and % peak.")
            .AppendLine(CultureInfo.InvariantCulture, $"FastAttractors: median of {options.Runs} Stopwatch-timed Engine.Integrate calls after a warm-up (end to end: packing, integration, unpacking); the note gives the median of the same call with 0 steps, the fixed packing cost inside that time. W3: Engine.Lyapunov calls (member-steps = members × 2,000, transient included, as the peer counts them); the note splits the time into QR and propagation by rerunning with QR every {QrShare.RareEvery} steps. Peers: median of {options.PeerRuns} runs of their own loop timer.")
            .AppendLine()
            .Append(table);
        log.WriteLine();
        log.Write(table);
        string outPath = options.Out ?? Path.Combine(root, "bench", "results", $"compare-{DateTime.Now:yyyy-MM-dd}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, md.ToString());
        log.WriteLine($"written: {outPath}");
        return 0;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>The folder holding FastAttractors.sln, searched upward; the working folder when none.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FastAttractors.sln")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    private static string Commit(string root)
    {
        try
        {
            var psi = new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            string sha = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? sha : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
