using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>
/// The ILGPU adjoint (on the CPU accelerator: the same kernels as Cuda and OpenCL) against the Reference adjoint over
/// random built-in models, shapes, horizons, checkpoint intervals, terminal and running losses. Errors are
/// max |a − b| / (1 + |b|) over the losses, ∂L/∂x(0), every parameter block and the adjoint norms.
/// </summary>
public class IlgpuGradientProperties
{
    public static class Arbs
    {
        // The CPU accelerator emulates warps with threads: small ensembles keep the suite fast.
        public static Arbitrary<IlgpuGradientCase> Cases() => IlgpuGradientCase.Cases(maxN: 12, maxMembers: 16);
    }

    public static class ShortMapArbs
    {
        public static Arbitrary<IlgpuGradientCase> Cases() => IlgpuGradientCase.Cases(maxN: 12, maxMembers: 16, mapSteps: 10);
    }

    /// <summary>
    /// float64, 1e-12 (worst of 400 sampled cases: 3.8e-16): the RK4 step and the tableau adjoint are in the
    /// reference's arithmetic order; only f, Jᵀa and (∂f/∂θ)ᵀa round differently (e.g. (b − x + W t)·(1/τ) against
    /// (b + W t − x)/τ), 1e-16 relative per operation. Over ≤ 20 steps chaos amplifies that by ≤ e^(0.42·20) ≈ 4e3
    /// (Hénon, on average) and the n ≤ 12 term sums add ≲ 12 ulps: ≲ 1e-12 in the worst case.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void IlgpuCpu_float64_matches_reference(IlgpuGradientCase c) => Check(c, Precision.Float64, 1e-12);

    /// <summary>
    /// float32, 2e-3 (worst of 300 sampled: Hénon 3.9e-4, Lorenz 8e-5, the networks ≤ 3e-6): states and adjoints round
    /// at 6e-8 and the comparison is the float64 reference. Flows (≤ 20 steps, dt ≤ 0.05) barely stretch errors; maps
    /// run ≤ 10 iterates, since Hénon stretches a float32 trajectory error by up to ~3.6 per iterate (20 iterates
    /// measured 6.7e-3) and its gradients of ~1e2 carry that.
    /// </summary>
    [Property(Arbitrary = [typeof(ShortMapArbs)], MaxTest = 40)]
    public void IlgpuCpu_float32_matches_reference(IlgpuGradientCase c) => Check(c, Precision.Float32, 2e-3);

    /// <summary>Each member's work depends on that member alone: any chunking gives the same bits.</summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 15)]
    public void Results_do_not_depend_on_chunking(IlgpuGradientCase c)
    {
        var problem = c.Ensemble.Problem();
        var engine = EngineCache.Get(Backend.IlgpuCpu);
        var whole = engine.Gradient(problem, c.Ensemble.Solver, c.Ensemble.Steps, c.Loss(), c.Options(Precision.Float64));
        var split = engine.Gradient(problem, c.Ensemble.Solver, c.Ensemble.Steps, c.Loss(), c.Options(Precision.Float64, chunk: 3));
        Assert.Equal(whole.Loss, split.Loss);
        Assert.Equal(whole.InitialStates, split.InitialStates);
        for (int b = 0; b < whole.Parameters.Count; b++)
            Assert.Equal(whole.Parameters[b].Values, split.Parameters[b].Values);
        Assert.Equal(whole.AdjointNorms, split.AdjointNorms);
        Assert.Equal(whole.Status, split.Status);
    }

    internal static double Check(IlgpuGradientCase c, Precision precision, double tolerance)
    {
        var problem = c.Ensemble.Problem();
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, c.Ensemble.Solver, c.Ensemble.Steps, c.Loss(), c.Options(Precision.Float64));
        var actual = EngineCache.Get(Backend.IlgpuCpu).Gradient(problem, c.Ensemble.Solver, c.Ensemble.Steps, c.Loss(), c.Options(precision));
        Assert.Equal(Backend.IlgpuCpu, actual.Backend);
        Assert.Equal(precision, actual.Precision);
        if (precision == Precision.Float64)
        {
            Assert.Equal(reference.Status, actual.Status);
            Assert.Equal(reference.FailedStep, actual.FailedStep);
        }
        double worst = 0;
        for (int m = 0; m < problem.Members; m++)
        {
            if (reference.Status[m] != GradientStatus.Ok || actual.Status[m] != GradientStatus.Ok)
                continue;
            worst = Math.Max(worst, Member(c, reference, actual, m, tolerance, precision));
        }
        return worst;
    }

    private static double Member(IlgpuGradientCase c, EnsembleGradients reference, EnsembleGradients actual, int m, double tolerance, Precision precision)
    {
        int members = reference.Members;
        double[] Column(double[] values, int length, int frames = -1) =>
            Enumerable.Range(0, frames < 0 ? length : frames).Select(k => values[(long)k * members + m]).ToArray();
        var parts = new List<(string What, double[] Actual, double[] Expected)>
        {
            ("loss", [actual.Loss[m]], [reference.Loss[m]]),
            ("dL/dx0", Column(actual.InitialStates, reference.Dimension), Column(reference.InitialStates, reference.Dimension)),
        };
        for (int b = 0; b < reference.Parameters.Count; b++)
            parts.Add(($"dL/d{reference.Parameters[b].Name}", Column(actual.Parameters[b].Values, reference.Parameters[b].Length),
                Column(reference.Parameters[b].Values, reference.Parameters[b].Length)));
        if (reference.AdjointNorms is { } norms)
            parts.Add(("|a(t)|", Column(actual.AdjointNorms!, 0, reference.NormTimes!.Length), Column(norms, 0, reference.NormTimes.Length)));
        double worst = 0;
        foreach (var (what, a, e) in parts)
        {
            Compare.Close(a, e, tolerance, $"{c} {precision}: {what} of member {m}");
            worst = Math.Max(worst, Compare.MaxScaledError(a, e));
        }
        return worst;
    }
}
