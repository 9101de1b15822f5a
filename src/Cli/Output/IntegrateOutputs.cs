using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The files of one integrate run, each written atomically: integrate.npz (arrays, member-major), spec.json (the
/// resolved spec with the backend and precision used) and integrate.png (an overview plot).
/// </summary>
internal static class IntegrateOutputs
{
    public const string Npz = "integrate.npz", Spec = "spec.json", Png = "integrate.png";

    public static IReadOnlyList<string> Write(string directory, EnsembleSolution solution, IntegrateRun run, IntegrateSpec used)
    {
        int members = solution.Members;
        long n = solution.Dimension;
        var npz = new NpzWriter()
            .Add("final_states", SolutionArrays.FinalStates(solution), members, n)
            .Add("status", SolutionArrays.Status(solution), members)
            .Add("failed_step", solution.FailedStep, members);
        if (SolutionArrays.Trajectory(solution) is { } trajectory)
        {
            npz.Add("trajectory", trajectory, solution.Frames, members, n)
               .Add("times", solution.Times!, solution.Frames);
        }
        var meta = SpecResultMetadata.Of("integrate", used)
            .Unit("final_states", ResultMetadata.StateUnit).Unit("trajectory", ResultMetadata.StateUnit)
            .Unit("times", SpecResultMetadata.TimeUnit(used)).Unit("failed_step", "steps");
        return SpecRunFiles.Write(directory, Npz, Png, npz, used, meta, members, () => IntegratePlot.Render(solution, run));
    }
}
