using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The files of one adjoint run, each written atomically: adjoint.npz (member-major arrays), spec.json (the resolved
/// spec with the backend and precision used) and adjoint.png (|a(t)| for a few members).
/// </summary>
internal static class AdjointOutputs
{
    public const string Npz = "adjoint.npz", Spec = "spec.json", Png = "adjoint.png";

    /// <summary>
    /// Arrays: loss (members,); grad_x0 (members, n); grad_NAME (members, length) per parameter block of the model
    /// (e.g. grad_W with W row-major, grad_b, grad_tau); adjoint_norms (frames, members); norm_times (frames,);
    /// status (members,) int32; failed_step (members,) int64.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, EnsembleGradients gradients, AdjointRun run, IntegrateSpec used)
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
        return SpecRunFiles.Write(directory, Npz, Png, npz, used, meta, gradients.Members, () => AdjointPlot.Render(gradients, run));
    }
}
