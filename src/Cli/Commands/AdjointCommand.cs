using System.CommandLine;
using System.Globalization;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors adjoint</c>: resolve a spec (file, embedded default or flags; flags override) as integrate does,
/// compute the loss and its exact gradients with <see cref="Engine.Gradient"/>, write adjoint.npz, spec.json and
/// adjoint.png, print a summary.
/// </summary>
internal static class AdjointCommand
{
    /// <summary>Members listed in the summary, spread over the ensemble (over the sweep, for a gain sweep).</summary>
    private const int ListedMembers = 6;

    public static Command Create(TextWriter stdout)
    {
        var flags = new AdjointFlags();
        return CliCommand.Create("adjoint",
            "Loss ½|x − y|² and its exact gradients (discrete adjoint of RK4) with |∂L/∂x(t)| over time; with no model or spec, "
            + "the embedded default (a gain sweep of tanh networks: decaying adjoints at small g, exploding ones in chaos).", flags.All,
            parse => Execute(ReadSpec(parse, flags), parse.GetValue(flags.Out)!, stdout));
    }

    internal static IntegrateSpec ReadSpec(ParseResult parse, AdjointFlags flags) =>
        flags.Model.Read(parse, flags.ToSpec(parse), SpecReader.ReadDefaultAdjoint);

    internal static int Execute(IntegrateSpec requested, string outDirectory, TextWriter stdout)
    {
        var spec = SpecResolver.ResolveAdjoint(requested);
        var run = RunFactory.CreateAdjoint(spec);
        var (gradients, seconds, directory) = SpecRun.Execute(spec, run.Backend, outDirectory, stdout, engine => engine.Gradient(run.Problem, run.Solver, run.Steps, run.Loss, run.Options));

        var used = SpecRun.Used(spec, gradients.Backend, gradients.Precision);
        var paths = SpecRunFiles.WriteAdjoint(directory, gradients, run, used);
        WriteSummary(stdout, gradients, run);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{gradients.Members} members, {gradients.Steps} steps (checkpoint interval {gradients.CheckpointInterval}) in {seconds:0.000} s "
            + $"on {gradients.Backend} ({gradients.Precision})"));
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }

    private static void WriteSummary(TextWriter stdout, EnsembleGradients g, AdjointRun run)
    {
        int Count(GradientStatus s) => g.Status.Count(x => x == s);
        stdout.WriteLine($"members: {Count(GradientStatus.Ok)} ok, {Count(GradientStatus.ForwardDiverged)} forward diverged, "
            + $"{Count(GradientStatus.GradientNonFinite)} gradient non-finite");
        var times = g.NormTimes!;
        string last = times[^1].ToString("0.###", CultureInfo.InvariantCulture);
        var header = new[] { "member", "loss L", "|∂L/∂x0|", "|a(0)|", $"|a({last})|", "status" };
        int listed = Math.Min(ListedMembers, g.Members);
        var rows = new List<string[]>();
        for (int k = 0; k < listed; k++)
        {
            int m = SpecRunFiles.Spread(k, listed, g.Members);
            string label = run.IsGainSweep ? $"{m} (g = {run.GainOf(m)!.Value.ToString("0.###", CultureInfo.InvariantCulture)})" : $"{m}";
            rows.Add([label, SpectrumTable.Number(g.Loss[m]), SpectrumTable.Number(InitialGradientNorm(g, m)),
                SpectrumTable.Number(g.AdjointNorms![m]), SpectrumTable.Number(g.AdjointNorms[(long)(times.Length - 1) * g.Members + m]),
                g.Status[m].ToString()]);
        }
        if (listed < g.Members)
            stdout.WriteLine($"{listed} of {g.Members} members, spread over the ensemble:");
        stdout.Write(SpectrumTable.Plain(header, rows));
    }

    private static double InitialGradientNorm(EnsembleGradients g, int member)
    {
        double sum = 0;
        for (int i = 0; i < g.Dimension; i++)
        {
            double v = g.InitialStates[(long)i * g.Members + member];
            sum += v * v;
        }
        return Math.Sqrt(sum);
    }
}
