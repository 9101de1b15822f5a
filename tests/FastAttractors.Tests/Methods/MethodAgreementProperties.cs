using FastAttractors.Lyapunov;
using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// Every registered method's stage loops and tableau kernels against the Reference oracle over random flows (every
/// built-in flow and the Rössler struct, n 1–24, members 1–80, random parameters, seeds and horizons, dt 0.005 or 0.01), float64:
/// integrate on Simd and IlgpuCpu (`RkKernel`), Lyapunov spectra on Simd (tangent stage loop) and IlgpuCpu
/// (`LyapunovRkKernel`). Tolerance 1e-9 of max |a − b| / (1 + |b|): both sides evaluate the same stages in float64, in
/// orders that differ by a few roundings per stage (dot products, QR by modified Gram–Schmidt against Householder),
/// over ≤ 20 steps or a few QR intervals, far below it; exponents are compared over a short run for the same reason.
/// </summary>
public class MethodAgreementProperties
{
    public sealed record MethodCase(EnsembleCase Ensemble, string Method)
    {
        public ISolver Solver => new ExplicitRk(FastAttractors.Methods.ByName(Method), Ensemble.Dt);
        public override string ToString() => $"{Ensemble} with {Method}";
    }

    public static class Arbs
    {
        private static readonly string[] Flows = ["tanh-rnn", "relu-rnn", "tanh-of-linear-flow", "linear", "lorenz", "rossler"];

        public static Arbitrary<MethodCase> Cases() =>
            (from c in Generators.Cases(maxN: 24, maxMembers: 80).Generator
             from kind in Gen.Elements(Flows)
             from method in Gen.Elements(FastAttractors.Methods.Names.ToArray())
             // Steps at which explicit Euler is stable on these flows: at dt = 0.05 it drove Lorenz members to 1e57
             // and overflow, where the step a member overflows at is itself a matter of rounding.
             from dt in Gen.Elements(0.005, 0.01)
             select new MethodCase(c with { Kind = kind, Dt = dt }, method)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 30)]
    public void Integrate_matches_the_reference_on_every_backend(MethodCase c)
    {
        var problem = c.Ensemble.Problem();
        var save = SaveAt.EveryNthStep(Math.Max(1, c.Ensemble.Steps / 3));
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, c.Solver, c.Ensemble.Steps, save);
        foreach (var backend in new[] { Backend.Simd, Backend.IlgpuCpu })
        {
            var actual = EngineCache.Get(backend).Integrate(problem, c.Solver, c.Ensemble.Steps, save);
            Xunit.Assert.Equal(reference.Status, actual.Status);
            Compare.Close(actual.FinalStates, reference.FinalStates, 1e-9, $"{c} on {backend}: final states");
            Compare.Close(actual.Trajectory!, reference.Trajectory!, 1e-9, $"{c} on {backend}: trajectory");
        }
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 15)]
    public void Lyapunov_matches_the_reference_on_every_backend(MethodCase c)
    {
        var problem = c.Ensemble.Problem();
        var options = new LyapunovOptions { Transient = 0, Duration = 10 * 2 * c.Ensemble.Dt, Every = 2 };
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, c.Solver, options);
        foreach (var backend in new[] { Backend.Simd, Backend.IlgpuCpu })
        {
            var actual = EngineCache.Get(backend).Lyapunov(problem, c.Solver, options);
            Xunit.Assert.Equal(reference.Status, actual.Status);
            // A diverged member (explicit Euler at dt = 0.05 can blow Lorenz up) has no exponents to compare; its
            // flag and step must agree, as checked above and here.
            Xunit.Assert.Equal(reference.FailedStep, actual.FailedStep);
            for (int m = 0; m < problem.Members; m++)
            {
                if (reference.Status[m] != LyapunovStatus.Diverged && WellConditioned(reference.Spectrum(m), options.Duration))
                    Compare.Close(actual.Spectrum(m), reference.Spectrum(m), 1e-9, $"{c} on {backend}: exponents of member {m}");
            }
        }
    }

    /// <summary>
    /// The tangent frame's columns part by e^((λ1 − λk) T): beyond e^10 the last exponent is read from a nearly
    /// degenerate frame, where two correct QR factorisations (modified Gram–Schmidt, Householder) differ by far more than
    /// 1e-9. Explicit Euler at dt = 0.05 drives high-ρ Lorenz members to |x| ≈ 1e57 with λ1 ≈ 500 in 20 steps (replay
    /// (10533646213446533725, 17367267695005252817, 41)): Simd and IlgpuCpu then agree with each other, not with Householder.
    /// </summary>
    private static bool WellConditioned(double[] spectrum, double duration) =>
        spectrum.All(double.IsFinite) && (spectrum[0] - spectrum[^1]) * duration <= 10;
}
