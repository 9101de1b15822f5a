using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The files of one lyapunov run, each written atomically: lyapunov.npz (member-major arrays), spec.json (the resolved
/// spec with the backend and precision used) and lyapunov.png.
/// </summary>
internal static class LyapunovOutputs
{
    public const string Npz = "lyapunov.npz", Spec = "spec.json", Png = "lyapunov.png";

    public static IReadOnlyList<string> Write(string directory, LyapunovSpectra spectra, LyapunovRun run, IntegrateSpec used, string timeUnit)
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
        return SpecRunFiles.Write(directory, Npz, Png, npz, used, meta, spectra.Members, () => LyapunovPlot.Render(spectra, run, timeUnit));
    }
}
