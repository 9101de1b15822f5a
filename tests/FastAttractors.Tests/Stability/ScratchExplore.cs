using FastAttractors.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FastAttractors.Tests.Stability;

public class ScratchExplore(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        var engine = EngineCache.Get(Backend.Simd);
        double[] sigmas = [0, 0.003, 0.01, 0.03, 0.1, 0.3];
        foreach (var system in StabilitySystems.All)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var ens = system.Ensemble(sigmas, 8, 1);
            var les = engine.Lyapunov(ens.Problem(system.InitialState), system.Solver, system.Options);
            output.WriteLine($"{system.Key}: {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var row in SigmaStatistics.Of(ens, les, 0.005, system.ExpectedZeroExponents))
                output.WriteLine($"  σ={row.Sigma} λ1 med {row.Lambda1Median:0.0000} [{row.Lambda1Lower:0.0000}, {row.Lambda1Upper:0.0000}] min {row.Lambda1Min:0.0000} max {row.Lambda1Max:0.0000} zeros {row.ZeroCountMean:0.00} keep {row.FractionKeepingZeros:0.00} div {row.Diverged} nc {row.NotConverged}");
            output.WriteLine("  member0 σ=0: " + string.Join(", ", les.Spectrum(0).Select(v => v.ToString("0.00000"))) + " ± " + string.Join(", ", les.Errors(0).Select(v => v.ToString("0.0e0"))));
        }
        var c = new HeadDirectionCircuit();
        var v = new AngularVelocity([0.3, 0.2], [0.05, 0.013], [0, 1], end: 150);
        var clock2 = System.Diagnostics.Stopwatch.StartNew();
        var tr = HeadDirectionSimulation.Run(c, c.Weights(), c.Weights(), v, 1.0, 200, 10);
        output.WriteLine($"HD {clock2.Elapsed.TotalSeconds:0.00}s period {tr.Period}");
        for (int f = 0; f < tr.Times.Length; f++)
            output.WriteLine($"  t={tr.Times[f]} true {tr.TrueHeading[f]:0.0000} phase {tr.PhaseHeading[f]:0.0000} decoded {tr.DecodedHeading[f]:0.0000}");
        output.WriteLine("bump " + string.Join(" ", tr.FinalBump.Select(x => x.ToString("0.000"))));
    }
}
