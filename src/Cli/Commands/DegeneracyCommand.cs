using System.CommandLine;
using System.Globalization;
using FastAttractors.Cli.Degeneracy;
using FastAttractors.Cli.Output;
using FastAttractors.Degeneracy;
using FastAttractors.Training;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors degeneracy</c>: runs a degeneracy study (<see cref="DegeneracyStudy"/>) from a JSON spec or flags
/// (task × widths × regularisers × networks) and writes networks.parquet, pairs.parquet, summary.json/.md and the
/// figures. Training state goes to OUT/checkpoints, so the same command run again after a kill resumes. Networks that
/// diverge or fail are reported per network (status, failure) and left out of the comparisons; the run still succeeds.
/// </summary>
internal static class DegeneracyCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flags = new DegeneracyFlags();
        return CliCommand.Create("degeneracy",
            "Train many task RNNs per condition (task × widths × regularisers) and measure how degenerate their solutions are: behaviour, dynamics (fixed points, DSA), weights, representations.",
            flags.All, parse => Execute(flags.Resolve(parse), parse.GetValue(flags.Out)!, parse.GetValue(flags.NoCheckpoints),
                parse.GetValue(flags.Backend) is { } b ? BackendNames.Parse(b, "--backend") : null,
                string.Join(' ', parse.Tokens.Select(t => t.Value)), stdout));
    }

    internal static int Execute(DegeneracyStudySpec parsed, string outDirectory, bool noCheckpoints, Backend? backend, string args, TextWriter stdout)
    {
        string directory = OutputDirectory.Prepare(outDirectory);
        var spec = noCheckpoints ? parsed : parsed with { Training = parsed.Training with { CheckpointDirectory = Path.Combine(directory, "checkpoints") } };
        int lyapunovIterations = spec.LyapunovIterations;
        // The engine estimates the discrete map's exponents; a continuous study's come from the library (its Euler map).
        using var engine = spec.Exponents > 0 && !spec.Dynamics.IsContinuous ? EngineFactory.Create(backend) : null;
        // A duration the exponents' estimator cannot use is refused now, not after the training.
        if (engine is not null)
            NetworkSpectrum.CheckStudy(engine, spec);
        string backendName = engine is null ? "host (SIMD training, float64 analysis)" : $"host (SIMD training, float64 analysis), {engine.Backend} (Lyapunov exponents)";
        int members = spec.Conditions.Count * spec.Networks;
        stdout.WriteLine($"degeneracy {spec.Task.Name} ({spec.Dynamics.Label}): T = {spec.Task.Train.Steps}, widths {string.Join(",", spec.Widths)}, regularisers {string.Join(",", spec.Regularisers.Select(r => r.Label))}, "
            + $"{spec.Networks} networks per condition ({members} in all)");
        var result = DegeneracyStudy.Run(spec, engine is null ? null : (p, k) => NetworkSpectrum.Leading(engine, p, k, lyapunovIterations, spec.Seed),
            onEvaluation: null, cancel: default);
        ResultMetadata Meta() => DegeneracyResultMetadata.Create(spec, backendName, args);
        var paths = new List<string>
        {
            DegeneracyOutputs.WriteNetworks(directory, result, Meta), DegeneracyOutputs.WritePairs(directory, result, Meta),
        };
        paths.AddRange(DegeneracyOutputs.WriteSummary(directory, result, Meta));
        paths.Add(DegeneracyPlots.WriteLossCurves(directory, result));
        paths.Add(DegeneracyPlots.WriteMds(directory, result));
        paths.Add(DegeneracyPlots.WriteFixedPoints(directory, result));
        stdout.WriteLine(DegeneracyOutputs.Markdown(result));
        foreach (var bad in result.Networks.Where(r => r.Failure is not null))
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"network {bad.Index} ({bad.Condition}, seed {bad.Seed}): {bad.Status.ToString().ToLowerInvariant()}: {bad.Failure}"));
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }
}
