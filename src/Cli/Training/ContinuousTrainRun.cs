using System.Globalization;
using FastAttractors.Cli.Commands;
using FastAttractors.Cli.Output;
using FastAttractors.Training;

namespace FastAttractors.Cli.Training;

/// <summary>
/// <c>train --time continuous --task sine</c>: <see cref="ContinuousSineTrainer"/> (Engine.Gradient, the RK4 adjoint),
/// with the same files as the discrete run; the spectrum is the flow's (per time unit, Rk4(dt), transient 50, 200 time
/// units) and checkpoint.npz holds W and b.
/// </summary>
internal static class ContinuousTrainRun
{
    public static int Execute(Engine engine, ContinuousSineOptions o, TrainSettings settings, string directory, IEnumerable<string> args, TextWriter stdout)
    {
        int n = o.Hidden;
        var metadata = new Dictionary<string, string>
        {
            ["fastattractors.command"] = "train", ["fastattractors.args"] = string.Join(' ', args), ["task"] = "sine", ["time"] = "continuous", ["init"] = o.Pta is null ? "default" : "pta",
            ["hidden"] = Text(n), ["frequency"] = Text(o.Frequency), ["dt"] = Text(o.Dt), ["horizon_steps"] = Text(o.Horizon), ["seed"] = Text(o.Seed),
            ["lr"] = Text(o.LearningRate), ["clip"] = Text(o.ClipNorm), ["loss"] = "SquaredError",
        };
        var meta = TrainResultMetadata.Continuous(o, engine.Backend);
        metadata = meta.AddTo(metadata);
        var log = new List<RnnEvaluation>();
        var result = ContinuousSineTrainer.Train(engine, o, (row, w, b) =>
        {
            log.Add(row);
            TrainOutputs.WriteLog(directory, log, metadata);
            meta.AddTo(new NpzWriter().Add("W", w, n, n).Add("b", b, n).Add("step", [row.Step], 1), members: 1).Save(Path.Combine(directory, "checkpoint.npz"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {row.Step,7}  loss {row.TestLoss,10:0.0000e+0}  |g| {row.GradientNorm,9:0.000e+0}  {row.Seconds,8:0.0} s"));
        });
        meta.AddTo(new NpzWriter().Add("W", result.W, n, n).Add("b", result.B, n).Add("step", [result.Steps], 1), members: 1).Save(Path.Combine(directory, "checkpoint.npz"));
        var start = ContinuousSineTrainer.InitialState(n, o.Seed);
        double[] before = Spectrum(engine, [.. result.InitialW, .. new double[n]], n, start, settings.Exponents, o.Dt);
        double[] after = Spectrum(engine, [.. result.W, .. result.B], n, start, settings.Exponents, o.Dt);
        metadata["spectrum_before"] = string.Join(' ', before.Select(Text));
        metadata["spectrum_after"] = string.Join(' ', after.Select(Text));
        metadata["status"] = result.Failure ?? "completed";
        TrainOutputs.WriteLog(directory, log, metadata);
        TrainOutputs.WritePlot(directory, log, $"sine (continuous TanhRnn, ω = {o.Frequency}), n = {n}, seed {o.Seed}", crossEntropy: false);
        TrainOutputs.WriteSpectra(directory, before, after);
        stdout.WriteLine($"λ before: [{string.Join(", ", before.Select(l => l.ToString("0.0000", CultureInfo.InvariantCulture)))}]; after: [{string.Join(", ", after.Select(l => l.ToString("0.0000", CultureInfo.InvariantCulture)))}]");
        if (result.Failure is not null)
            throw new RuntimeFailure(result.Failure);
        return ExitCodes.Ok;
    }

    private static double[] Spectrum(Engine engine, double[] theta, int n, double[] start, int k, double dt)
    {
        if (k == 0 || theta.Any(v => !double.IsFinite(v)))
            return [];
        var options = new LyapunovOptions { Transient = 50, Duration = 200, Every = 10, Exponents = Math.Min(k, n), Precision = Precision.Float64 };
        return engine.Lyapunov(ContinuousSineTrainer.Problem(theta, n, start), new Rk4(dt), options).Spectrum(0);
    }

    private static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
