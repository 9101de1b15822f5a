using System.CommandLine;
using System.Globalization;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors integrate</c>: resolve a spec (file, embedded default or flags; flags override), run it through
/// <see cref="Engine.Integrate"/>, write integrate.npz, spec.json and integrate.png, print a summary.
/// </summary>
internal static class IntegrateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flags = new IntegrateFlags();
        return CliCommand.Create("integrate", "Integrate an ensemble; with no options, the embedded default gain sweep.", flags.All,
            parse => Execute(ReadSpec(parse, flags), parse.GetValue(flags.Out)!, stdout));
    }

    /// <summary>The spec file if given, else the embedded default when no model is named, else nothing; then the flags on top.</summary>
    internal static IntegrateSpec ReadSpec(ParseResult parse, IntegrateFlags flags) =>
        flags.Model.Read(parse, flags.ToSpec(parse), SpecReader.ReadDefault);

    internal static int Execute(IntegrateSpec requested, string outDirectory, TextWriter stdout)
    {
        var spec = SpecResolver.Resolve(requested);
        var run = RunFactory.Create(spec);
        var (solution, seconds, directory) = SpecRun.Execute(spec, run.Backend, outDirectory, stdout, engine => engine.Integrate(run.Problem, run.Solver, run.Steps, run.Save, run.Options));

        var used = SpecRun.Used(spec, solution.Backend, solution.Precision);
        var paths = SpecRunFiles.WriteIntegrate(directory, solution, run, used);
        stdout.WriteLine(Summary(solution, seconds));
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }

    private static string Summary(EnsembleSolution solution, double seconds)
    {
        int flagged = solution.Status.Count(s => s != MemberStatus.Ok);
        double rate = seconds > 0 ? solution.Members * (double)solution.Steps / seconds : double.PositiveInfinity;
        return string.Create(CultureInfo.InvariantCulture,
            $"members: {solution.Members - flagged} ok, {flagged} flagged; {solution.Steps} steps in {seconds:0.000} s "
            + $"({rate:0.###e+0} member-steps/s) on {solution.Backend} ({solution.Precision})");
    }
}
