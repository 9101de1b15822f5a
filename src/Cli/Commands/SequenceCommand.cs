using System.CommandLine;
using System.Diagnostics;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Sequence;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors sequence train|recall|capacity|noise</c>: binary networks that store sequences as attractors
/// (docs/results/sequence-capacity.md). Each subcommand resolves its settings (embedded default + flags), runs its points
/// through <see cref="Engine.TrainSequences"/> and <see cref="Engine.Recall"/>, and writes &lt;name&gt;.parquet and PNGs.
/// </summary>
internal static class SequenceCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("sequence", "Binary networks with hidden neurons that learn sequence attractors (Lu & Wu 2024).");
        command.Subcommands.Add(Sub("train", "Train B networks on one point and recall each from its clean start (k = 0 unless --flipped).",
            SequenceDefaults.Train, s => [new("train", 0, s.Length, s.Hidden, [s.Flipped])], stdout));
        command.Subcommands.Add(Sub("recall", "Train B networks and recall each from a start with --flipped bits flipped.",
            SequenceDefaults.Recall, s => [new("recall", 0, s.Length, s.Hidden, [s.Flipped])], stdout));
        command.Subcommands.Add(Sub("capacity", "Success rate over T (--lengths, at M = --hidden) and over M (--hidden-sizes, at T = --length).",
            SequenceDefaults.Capacity, CapacityPoints, stdout));
        command.Subcommands.Add(Sub("noise", "Success rate over the flipped bits of the recall start (--flips) after one training.",
            SequenceDefaults.Noise, s => [new("flipped", 0, s.Length, s.Hidden, s.Flips)], stdout));
        return command;
    }

    private static SequencePoint[] CapacityPoints(SequenceSettings s) =>
    [
        .. s.Lengths.Select((t, i) => new SequencePoint("length", i, t, s.Hidden, [s.Flipped])),
        .. s.HiddenSizes.Select((m, i) => new SequencePoint("hidden", i, s.Length, m, [s.Flipped])),
    ];

    private static Command Sub(string name, string description, SequenceSettings defaults, Func<SequenceSettings, SequencePoint[]> points, TextWriter stdout)
    {
        var flags = new SequenceFlags($"results/sequence-{name}");
        var command = new Command(name, description + " With no flags, an embedded default that runs in seconds.");
        foreach (var option in flags.Common)
            command.Options.Add(option);
        if (name == "capacity")
        {
            command.Options.Add(flags.Lengths);
            command.Options.Add(flags.HiddenSizes);
        }
        if (name == "noise")
            command.Options.Add(flags.Flips);
        command.SetAction(parse => Execute(name, flags.Resolve(parse, defaults), points, parse.GetValue(flags.Out)!, parse.Tokens.Select(t => t.Value), stdout));
        return command;
    }

    internal static int Execute(string name, SequenceSettings settings, Func<SequenceSettings, SequencePoint[]> pointsOf, string outDirectory,
        IEnumerable<string> args, TextWriter stdout)
    {
        var points = pointsOf(settings);
        if (points.Length == 0)
            throw new UsageException("--lengths/--hidden-sizes: both sweeps are empty; nothing to run.");
        string directory = OutputDirectory.Prepare(outDirectory);
        using var engine = EngineFactory.Create(settings.Backend);
        var clock = Stopwatch.StartNew();
        var runner = new SequenceRunner(engine, settings, stdout);
        var rows = runner.Run(points);
        double seconds = clock.Elapsed.TotalSeconds;
        var provenance = SequenceProvenance.Of(name, settings, args, engine.Backend, seconds, runner.Last?.Sequences[0].Source);
        var paths = SequenceOutputs.Write(directory, name, rows, provenance, settings, runner.Last);
        stdout.WriteLine($"{rows.Count} rows ({points.Length} points, {settings.Variants.Length} variants, {settings.Networks} networks each) in {seconds:0.00} s on {engine.Backend}");
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }
}
