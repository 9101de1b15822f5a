using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Oracles;

/// <summary>Lorenz and Hénon against independent float64 integration written here, not in the engine.</summary>
public class ChaoticSystemOracleTests
{
    /// <summary>Lorenz by an independent fine-step integrator: RK4 at dt/20 written inline here, error ~1e-13 on t ∈ [0, 1].</summary>
    private static double[] LorenzFine(double[] x, double rho, double t, double dt)
    {
        const double sigma = 10, beta = 8.0 / 3.0;
        double[] F(double[] s) => [sigma * (s[1] - s[0]), s[0] * (rho - s[2]) - s[1], s[0] * s[1] - beta * s[2]];
        var y = (double[])x.Clone();
        long steps = (long)Math.Round(t / dt);
        for (long k = 0; k < steps; k++)
        {
            var k1 = F(y);
            var k2 = F(y.Select((v, i) => v + dt / 2 * k1[i]).ToArray());
            var k3 = F(y.Select((v, i) => v + dt / 2 * k2[i]).ToArray());
            var k4 = F(y.Select((v, i) => v + dt * k3[i]).ToArray());
            y = y.Select((v, i) => v + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i])).ToArray();
        }
        return y;
    }

    [Theory]
    [MemberData(nameof(BackendCases.AllWithPrecision), MemberType = typeof(BackendCases))]
    public void Lorenz_matches_independent_fine_integration(Backend backend, Precision precision)
    {
        const int members = 9;
        var model = Lorenz.RhoSweep(members, 0, 28);
        var x0 = InitialStates.Normal(3, members, 3.0, 11, mean: 2.0);
        var sol = EngineCache.Get(backend).Integrate(new EnsembleProblem(model, x0, members), new Rk4(0.001), 1000,
            options: new IntegrateOptions { Precision = precision });
        for (int m = 0; m < members; m++)
        {
            double rho = 28.0 * m / (members - 1);
            var expected = LorenzFine([x0[m], x0[members + m], x0[2 * members + m]], rho, 1.0, 0.00005);
            // float64: RK4 at dt = 1e-3 has global error ~1e-10 on t ∈ [0,1]; float32: 1000 steps × 6e-8 × growth e^0.9 ≈ 2e-4.
            Compare.Close(sol.FinalState(m), expected, precision == Precision.Float64 ? 1e-8 : 2e-3, $"{backend}/{precision} ρ = {rho}");
        }
    }

    [Theory]
    [MemberData(nameof(BackendCases.AllWithPrecision), MemberType = typeof(BackendCases))]
    public void Henon_matches_direct_iteration(Backend backend, Precision precision)
    {
        const int members = 5, steps = 25;
        var x0 = InitialStates.Normal(2, members, 0.1, 2);
        var sol = EngineCache.Get(backend).Integrate(new EnsembleProblem(new Henon(), x0, members), MapIteration.Instance, steps,
            SaveAt.EveryNthStep(1), new IntegrateOptions { Precision = precision });
        for (int m = 0; m < members; m++)
        {
            double x = x0[m], y = x0[members + m];
            for (int k = 1; k <= steps; k++)
            {
                (x, y) = (1 - 1.4 * x * x + y, 0.3 * x);
                // λ1 = 0.42/iteration: float64 rounding grows to 1e-16 · e^(0.42·25) ≈ 4e-12; float32 to ~2e-3 (see properties).
                double tolerance = precision == Precision.Float64 ? 1e-9 : 2e-2;
                Assert.True(Math.Abs(sol.At(k, m, 0) - x) <= tolerance * (1 + Math.Abs(x)), $"{backend} member {m} iteration {k}: {sol.At(k, m, 0)} vs {x}");
                Assert.True(Math.Abs(sol.At(k, m, 1) - y) <= tolerance * (1 + Math.Abs(y)));
            }
        }
    }

    [Fact]
    public void Hand_unrolled_rk4_kernels_equal_the_tableau_path()
    {
        // Reference uses the Butcher tableau; IlgpuCpu and Simd use the hand-unrolled 1/6, 1/3, 1/3, 1/6 rule.
        // In float64 they differ only by summation order: ≤ a few ulps per step on a contracting TanhRnn.
        var model = TanhRnn.Random(20, 0.9, 0.5, 16, seed: 21);
        var problem = new EnsembleProblem(model, InitialStates.Normal(20, 16, 1.0, 22), 16);
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, new Rk4(0.05), 200);
        foreach (var backend in new[] { Backend.IlgpuCpu, Backend.Simd })
        {
            var unrolled = EngineCache.Get(backend).Integrate(problem, new Rk4(0.05), 200);
            Compare.Close(unrolled.FinalStates, reference.FinalStates, 1e-13, backend.ToString());
        }
    }
}
