using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace FastAttractors.Tests.Properties;

/// <summary>
/// Every fast path against the Reference oracle over random models, n (1–64), members (1–300), parameters, seeds
/// and horizons. Tolerances (max |a − b| / (1 + |b|)):
/// float64 1e-9: both sides round at 1e-16 per operation; ≤ 20 steps × ≤ 4·64 dependent operations per step stay far below.
/// float32 flows 2e-3: float32 rounds at 6e-8; a length-64 dot product can lose 64 ulps (4e-6) per stage, and 20
/// steps with growth up to e^(20·0.05·1.8) ≈ 6 on the expanding cases give ≲ 1e-4, with margin for ReLU kinks.
/// float32 maps 2e-2: a chaotic map amplifies rounding by e^(λ·steps); Hénon's λ1 = 0.42 per iteration gives
/// e^8.4 ≈ 4·10³ over 20 iterations, so 6e-8 · 4·10³ · (a few ulps per iteration) ≈ 1e-3…1e-2.
/// </summary>
public class BackendAgreementProperties
{
    public static class Arbs
    {
        public static Arbitrary<EnsembleCase> Cases() => Generators.Cases();
    }

    public static class SmallArbs
    {
        // The ILGPU CPU accelerator emulates GPU warps with threads: keep its cases smaller so the suite stays fast.
        public static Arbitrary<EnsembleCase> Cases() => Generators.Cases(maxN: 64, maxMembers: 96);
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 60)]
    public void Simd_float64_matches_reference(EnsembleCase c) => Check(c, Backend.Simd, Precision.Float64, 1e-9);

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 60)]
    public void Simd_float32_matches_reference(EnsembleCase c) => Check(c, Backend.Simd, Precision.Float32, Float32Tolerance(c));

    [Property(Arbitrary = [typeof(SmallArbs)], MaxTest = 25)]
    public void IlgpuCpu_float64_matches_reference(EnsembleCase c) => Check(c, Backend.IlgpuCpu, Precision.Float64, 1e-9);

    [Property(Arbitrary = [typeof(SmallArbs)], MaxTest = 25)]
    public void IlgpuCpu_float32_matches_reference(EnsembleCase c) => Check(c, Backend.IlgpuCpu, Precision.Float32, Float32Tolerance(c));

    private static double Float32Tolerance(EnsembleCase c) => c.Solver is MapIteration ? 2e-2 : 2e-3;

    private static void Check(EnsembleCase c, Backend backend, Precision precision, double tolerance)
    {
        var problem = c.Problem();
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, c.Solver, c.Steps, SaveAt.EveryNthStep(Math.Max(1, c.Steps / 3)));
        var actual = EngineCache.Get(backend).Integrate(problem, c.Solver, c.Steps, SaveAt.EveryNthStep(Math.Max(1, c.Steps / 3)),
            new IntegrateOptions { Precision = precision });
        Xunit.Assert.Equal(reference.Status, actual.Status);
        Compare.Close(actual.FinalStates, reference.FinalStates, tolerance, $"{c} on {backend}/{precision}: final states");
        Compare.Close(actual.Trajectory!, reference.Trajectory!, tolerance, $"{c} on {backend}/{precision}: trajectory");
    }
}
