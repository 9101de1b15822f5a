using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The three files of an integrate, lyapunov or adjoint run, each written atomically: NAME.npz (member-major arrays,
/// with the run's metadata), spec.json (the resolved spec with the backend and precision used, and the same metadata)
/// and NAME.png (integrate: an overview; lyapunov: the spectra; adjoint: |a(t)| for a few members).
/// </summary>
internal static class SpecRunFiles
{
    /// <summary>Arrays: final_states (members, n); status; failed_step; with a recorded trajectory, trajectory (frames, members, n) and times.</summary>
    public static IReadOnlyList<string> WriteIntegrate(string directory, EnsembleSolution solution, IntegrateRun run, IntegrateSpec used)
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
        return Write(directory, "integrate.npz", "integrate.png", npz, used, meta, members, () => IntegratePlot.Render(solution, run));
    }

    /// <summary>Arrays: exponents and standard_errors (members, k); the per-member diagnostics; status; failed_step.</summary>
    public static IReadOnlyList<string> WriteLyapunov(string directory, LyapunovSpectra spectra, LyapunovRun run, IntegrateSpec used, string timeUnit)
    {
        long members = spectra.Members, k = spectra.K;
        var npz = new NpzWriter()
            .Add("exponents", spectra.Exponents, members, k)
            .Add("standard_errors", spectra.StandardErrors, members, k)
            .Add("sum_rule_residual", spectra.SumRuleResidual, members)
            .Add("contraction", spectra.Contraction, members)
            .Add("kaplan_yorke", spectra.KaplanYorkeDimension, members)
            .Add("positive_sum", spectra.PositiveSum, members)
            .Add("status", Array.ConvertAll(spectra.Status, s => (int)s), members)
            .Add("failed_step", spectra.FailedStep, members);
        string rate = SpecResultMetadata.RateUnit(used);
        var meta = SpecResultMetadata.Of("lyapunov", used)
            .Unit("exponents", rate).Unit("standard_errors", rate).Unit("sum_rule_residual", rate).Unit("contraction", rate)
            .Unit("positive_sum", rate).Unit("kaplan_yorke", "dimensionless (state-space dimension)").Unit("failed_step", "steps")
            .Shared("transient", used.Transient!.Value).Shared("duration", used.Duration!.Value).Shared("every", (long)used.Every!.Value);
        return Write(directory, "lyapunov.npz", "lyapunov.png", npz, used, meta, spectra.Members, () => LyapunovPlot.Render(spectra, run, timeUnit));
    }

    /// <summary>
    /// Arrays: loss (members,); grad_x0 (members, n); grad_NAME (members, length) per parameter block of the model
    /// (e.g. grad_W with W row-major, grad_b, grad_tau); adjoint_norms (frames, members); norm_times (frames,);
    /// status (members,) int32; failed_step (members,) int64.
    /// </summary>
    public static IReadOnlyList<string> WriteAdjoint(string directory, EnsembleGradients gradients, AdjointRun run, IntegrateSpec used)
    {
        long members = gradients.Members;
        var npz = new NpzWriter()
            .Add("loss", gradients.Loss, members)
            .Add("grad_x0", SolutionArrays.MemberMajor(gradients.InitialStates, 0, gradients.Dimension, gradients.Members), members, gradients.Dimension);
        foreach (var block in gradients.Parameters)
            npz.Add("grad_" + block.Name, SolutionArrays.MemberMajor(block.Values, 0, block.Length, block.Members), members, block.Length);
        if (gradients.AdjointNorms is { } norms)
        {
            long frames = gradients.NormTimes!.Length;
            npz.Add("adjoint_norms", norms, frames, members)
               .Add("norm_times", gradients.NormTimes, frames);
        }
        npz.Add("status", Array.ConvertAll(gradients.Status, s => (int)s), members)
           .Add("failed_step", gradients.FailedStep, members);
        var meta = SpecResultMetadata.Of("adjoint", used)
            .Unit("loss", "squared state units (1/2 |x - y|^2)").Unit("grad_x0", "loss per state unit")
            .Unit("adjoint_norms", "loss per state unit").Unit("norm_times", SpecResultMetadata.TimeUnit(used)).Unit("failed_step", "steps")
            .Shared("steps", used.Steps!.Value);
        foreach (var block in gradients.Parameters)
            meta.Unit("grad_" + block.Name, $"loss per unit of {block.Name}");
        return Write(directory, "adjoint.npz", "adjoint.png", npz, used, meta, gradients.Members, () => AdjointPlot.Render(gradients, run));
    }

    /// <summary>
    /// Adds <paramref name="meta"/> to <paramref name="npz"/> and writes the files; the plot is rendered only once the
    /// arrays are saved. Returns their paths in that order.
    /// </summary>
    private static IReadOnlyList<string> Write(string directory, string npzName, string pngName, NpzWriter npz, IntegrateSpec used,
        ResultMetadata meta, int members, Func<byte[]> renderPng)
    {
        meta.AddTo(npz, members);
        var paths = new[] { Path.Combine(directory, npzName), Path.Combine(directory, "spec.json"), Path.Combine(directory, pngName) };
        try
        {
            npz.Save(paths[0]);
            AtomicFile.WriteText(paths[1], SpecWriter.ToJson(used, meta));
            var png = renderPng();
            AtomicFile.Write(paths[2], s => s.Write(png));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--out: writing results to '{directory}' failed: {e.Message}", e);
        }
        return paths;
    }

    /// <summary>Member <paramref name="k"/> of <paramref name="count"/> spread evenly over the ensemble, first and last included.</summary>
    public static int Spread(int k, int count, int members) => count == 1 ? 0 : (int)((long)k * (members - 1) / (count - 1));
}
