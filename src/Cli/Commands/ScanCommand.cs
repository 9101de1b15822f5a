using System.CommandLine;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors scan</c>: resolve the spec (file, embedded default, flags on top), pick this process's shard
/// (flags or the environment), run it into --out, and for an unsharded run draw the λ1 heatmap.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var flags = new ScanFlags();
        return CliCommand.Create("scan",
            "Lyapunov spectra over a parameter grid × members (rotation-block flow/map of Fig. 5A, or the gain of random tanh networks), "
            + "sharded and resumable, into Parquet; with no arguments the embedded rotation-flow scan (about 13 s on 2 cores).", flags.All,
            parse => Execute(flags.Read(parse), parse.GetValue(flags.Out)!, parse.GetValue(flags.Shard), parse.GetValue(flags.Shards),
                parse.GetValue(flags.Resume), parse.GetValue(flags.Npz), Environment.GetEnvironmentVariable, stdout, stderr, interactive));
    }

    internal static int Execute(ScanSpec requested, string outDirectory, string? shardFlag, int? shardsFlag, bool resume, bool npz,
        Func<string, string?> environment, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var plan = ScanJob.Create(requested);
        var shard = ShardSelector.Resolve(shardFlag, shardsFlag, environment);
        Backend? backend = plan.Spec.Backend is { } name ? BackendNames.Parse(name, "backend (--backend)") : null;
        string directory = OutputDirectory.Prepare(outDirectory);
        var runner = new ScanRunner(plan, directory, shard, stdout, stderr, interactive);
        var table = runner.Run(backend, resume, npz);
        if (shard.Count == 1 && ScanHeatmap.Render(plan, table) is { } png)
        {
            string path = Path.Combine(directory, "heatmap.png");
            AtomicFile.Write(path, s => s.Write(png));
            stdout.WriteLine($"wrote {path}");
        }
        else if (shard.Count > 1)
        {
            stdout.WriteLine($"when every shard is done: fastattractors check {directory} && fastattractors merge {directory}");
        }
        return ExitCodes.Ok;
    }
}
