using System.CommandLine;
using System.Globalization;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Training;
using FastAttractors.Training;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors train</c>: trains a discrete-time tanh RNN on a task by exact gradients (the discrete adjoint) with
/// Adam, logging loss and accuracy per evaluation to train.parquet, the loss curve to loss.png, and the leading
/// Lyapunov exponents of the network's autonomous map before and after training to spectrum.csv. A non-finite loss
/// stops training: the outputs are written with the last good parameters and the command exits 1 naming the step.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flags = new TrainFlags();
        var command = CliCommand.Create("train",
            "Train a tanh RNN on a task (copy memory, temporal ordering, flip-flop, sine, delayed discrimination) by exact gradients.", flags.All,
            parse => Execute(flags.Resolve(parse), parse.GetValue(flags.Out)!, parse.Tokens.Select(t => t.Value), stdout));
        command.Subcommands.Add(Summary(stdout));
        return command;
    }

    /// <summary><c>train summary --runs DIR --out DIR</c>: the table and loss curves of several runs (e.g. the PTA experiment).</summary>
    private static Command Summary(TextWriter stdout)
    {
        var runs = new Option<string>("--runs") { Description = "Directory whose subdirectories are train runs.", Required = true };
        var output = CommonOptions.Out("results/train-summary", "Where summary.md and loss-curves.png go.");
        var command = new Command("summary", "Summarise several train runs: final test loss per initialisation (mean ± sd) and loss curves.");
        command.Options.Add(runs);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var paths = TrainSummary.Write(parse.GetValue(runs)!, OutputDirectory.Prepare(parse.GetValue(output)!));
            stdout.WriteLine(File.ReadAllText(paths[0]));
            stdout.WriteLine($"wrote {string.Join(", ", paths)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static int Execute(TrainSettings settings, string outDirectory, IEnumerable<string> args, TextWriter stdout)
    {
        string directory = OutputDirectory.Prepare(outDirectory);
        using var engine = EngineFactory.Create(settings.Backend);
        if (settings.Continuous is { } continuous)
            return ContinuousTrainRun.Execute(engine, continuous, settings, directory, args, stdout);
        var o = settings.Options;
        var task = settings.Task;
        var shape = new RnnShape(o.Hidden, task.Inputs, task.Outputs);
        var initial = RnnInitialiser.Create(shape, o.Init, o.Seed, o.Region);
        double[] before = NetworkSpectrum.Leading(engine, initial, settings.Exponents, settings.LyapunovIterations, o.Seed);
        var metadata = new Dictionary<string, string>
        {
            ["fastattractors.command"] = "train", ["fastattractors.args"] = string.Join(' ', args),
            ["task"] = task.Name, ["steps_per_sequence"] = Text(task.Steps), ["hidden"] = Text(o.Hidden), ["init"] = o.Init.ToString().ToLowerInvariant(),
            ["seed"] = Text(o.Seed), ["batch"] = Text(o.BatchSize), ["train_size"] = Text(o.TrainSize), ["test_size"] = Text(o.TestSize),
            ["lr"] = Text(o.LearningRate), ["clip"] = Text(o.ClipNorm), ["path"] = o.Path.ToString().ToLowerInvariant(), ["loss"] = task.Loss.ToString(),
            ["spectrum_before"] = string.Join(' ', before.Select(Text)), ["fastattractors.version"] = typeof(RnnTrainer).Assembly.GetName().Version?.ToString() ?? "",
        };
        var meta = TrainResultMetadata.Discrete(o, task, engine.Backend);
        metadata = meta.AddTo(metadata);
        var log = new List<RnnEvaluation>();
        stdout.WriteLine($"train {task.Name}: T = {task.Steps}, n = {o.Hidden}, init {metadata["init"]}, seed {o.Seed}; λ before: [{string.Join(", ", before.Select(l => l.ToString("0.0000", CultureInfo.InvariantCulture)))}]");
        var result = RnnTrainer.Train(task, o, (row, current) =>
        {
            log.Add(row);
            TrainOutputs.WriteLog(directory, log, metadata);
            TrainOutputs.WriteCheckpoint(directory, current, row.Step, meta);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {row.Step,7} epoch {row.Epoch,7:0.00}  train {row.TrainLoss,10:0.0000e+0} acc {row.TrainAccuracy,6:0.000}  test {row.TestLoss,10:0.0000e+0} acc {row.TestAccuracy,6:0.000}  |g| {row.GradientNorm,9:0.000e+0}  {row.Seconds,8:0.0} s"));
        });
        var paths = new List<string> { TrainOutputs.WriteCheckpoint(directory, result.Final, result.Steps, meta) };
        double[] after = result.Final.AllFinite() ? NetworkSpectrum.Leading(engine, result.Final, settings.Exponents, settings.LyapunovIterations, o.Seed) : [];
        metadata["spectrum_after"] = string.Join(' ', after.Select(Text));
        metadata["status"] = result.Failure ?? "completed";
        paths.Add(TrainOutputs.WriteLog(directory, log, metadata));
        paths.Add(TrainOutputs.WritePlot(directory, log, $"{task.Name} (T = {task.Steps}), n = {o.Hidden}, init {metadata["init"]}, seed {o.Seed}", task.Loss == TaskLoss.CrossEntropy));
        paths.Add(TrainOutputs.WriteSpectra(directory, before, after));
        stdout.WriteLine($"λ after: [{string.Join(", ", after.Select(l => l.ToString("0.0000", CultureInfo.InvariantCulture)))}]");
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        if (result.Failure is not null)
            throw new RuntimeFailure(result.Failure);
        return ExitCodes.Ok;
    }

    private static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    private static string Text(long v) => v.ToString(CultureInfo.InvariantCulture);
}
