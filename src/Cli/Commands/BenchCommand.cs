using System.CommandLine;
using FastAttractors.Cli.Bench;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors bench</c>: the standard workloads on every backend present (or those named), one table of
/// throughput, speed-ups over Simd and Reference, fraction of peak and the deviation from Reference, printed and
/// written as bench.md and bench.json. Exit 0 when every row ran and agreed with Reference, 1 otherwise (the table is
/// written either way), 2 for a bad flag.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout)
    {
        var size = new Option<string>("--size") { Description = "small (a quick look, < 1 min on 2 cores) or full (docs/benchmarks.md's sizes).", DefaultValueFactory = _ => "small" };
        var workloads = new Option<string?>("--workloads") { Description = $"Comma-separated workloads, default all: {string.Join(", ", BenchCases.All.Select(c => c.Id))}." };
        var backends = new Option<string?>("--backends") { Description = $"Comma-separated backends ({string.Join(", ", BackendNames.Valid)}), default every one present." };
        var outDir = CommonOptions.Out("results/bench", "Output directory for bench.md and bench.json.");
        var command = new Command("bench", "Time the standard workloads on every backend, cross-checked against Reference; writes bench.md and bench.json.");
        command.Options.Add(size);
        command.Options.Add(workloads);
        command.Options.Add(backends);
        command.Options.Add(outDir);
        command.SetAction(parse => Execute(
            Settings(parse.GetValue(size)!, parse.GetValue(workloads), parse.GetValue(backends)), parse.GetValue(outDir)!, stdout));
        return command;
    }

    /// <summary>The run the flags ask for; unknown sizes, workloads and backends are usage errors naming the flag and the value.</summary>
    internal static BenchSettings Settings(string size, string? workloads, string? backends)
    {
        var benchSize = size.Trim().ToLowerInvariant() switch
        {
            "small" => BenchSize.Small,
            "full" => BenchSize.Full,
            _ => throw new UsageException($"--size: unknown size '{size}'; valid: small, full."),
        };
        var cases = workloads is null ? BenchCases.All : BenchCases.Parse(workloads, "--workloads");
        return new BenchSettings(benchSize, cases, backends is null ? Present() : ParseBackends(backends), BenchSettings.DefaultRuns(benchSize));
    }

    private static IReadOnlyList<Backend> ParseBackends(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
            throw new UsageException($"--backends: no backend named; valid: {string.Join(", ", BackendNames.Valid)}.");
        return names.Select(n =>
        {
            try
            {
                return BackendNames.Parse(n, "--backends");
            }
            catch (ArgumentException)
            {
                throw new UsageException($"--backends: unknown backend '{n}'; valid: {string.Join(", ", BackendNames.Valid)}.");
            }
        }).Distinct().ToList();
    }

    /// <summary>Every backend present here, GPUs first, Reference last.</summary>
    private static IReadOnlyList<Backend> Present() =>
        new[] { Backend.Cuda, Backend.OpenCL, Backend.Simd, Backend.IlgpuCpu, Backend.Reference }.Where(DeviceCatalog.IsAvailable).ToList();

    /// <summary>Runs <paramref name="settings"/>, prints the table and writes bench.md and bench.json atomically into <paramref name="outDirectory"/>.</summary>
    internal static int Execute(BenchSettings settings, string outDirectory, TextWriter stdout, Func<Backend, Engine>? createEngine = null)
    {
        string directory = OutputDirectory.Prepare(outDirectory);
        string loadBefore = BenchReport.Load();
        var started = DateTime.UtcNow;
        IReadOnlyList<BenchRow> rows;
        using (var runner = new BenchRunner(settings, stdout, createEngine))
            rows = runner.Run();
        var report = new BenchReport(started, settings.Size, settings.Runs, rows, loadBefore, BenchReport.Load());
        string markdown = BenchMarkdown.Render(report);
        string md = Path.Combine(directory, "bench.md");
        string json = Path.Combine(directory, "bench.json");
        AtomicFile.WriteText(md, markdown);
        AtomicFile.WriteText(json, BenchJson.Render(report));
        stdout.WriteLine();
        stdout.Write(markdown);
        stdout.WriteLine($"wrote {md}, {json}");
        return report.AllOk ? ExitCodes.Ok : ExitCodes.Runtime;
    }
}
