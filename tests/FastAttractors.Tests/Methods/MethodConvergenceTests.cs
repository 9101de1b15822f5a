using FastAttractors.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// One convergence test over the whole registry (STYLE 11): on x' = Ax, whose exact flow is exp(tA) x₀, halving dt
/// must divide the global error by 2^p for a method of order p — on the oracle, the Simd stage loop and the ILGPU
/// tableau kernel (on the CPU accelerator; float64, the default precision).
/// </summary>
public class MethodConvergenceTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() =>
        from method in FastAttractors.Methods.All
        from backend in new[] { Backend.Reference, Backend.Simd, Backend.IlgpuCpu }
        select new object[] { method.Name, backend };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Halving_dt_divides_the_error_by_two_to_the_order(string name, Backend backend)
    {
        var method = FastAttractors.Methods.ByName(name);
        // A damped rotation, eigenvalues −0.3 ± 2i; to T = 2 with dt = 1/32 and 1/64 (exact in binary, whole steps).
        var a = new double[,] { { -0.3, 2.0 }, { -2.0, -0.3 } };
        double[] x0 = [1.0, 0.5];
        const double t = 2.0;
        var exact = MatrixExponential.Apply(MatrixExponential.Exp(MatrixExponential.Scale(a, t)), x0);
        double Error(double dt)
        {
            var solution = EngineCache.Get(backend).Integrate(
                new EnsembleProblem(Linear.Shared(a), InitialStates.Constant(1, x0), 1), new ExplicitRk(method, dt), (long)Math.Round(t / dt));
            return Math.Sqrt(solution.FinalState(0).Zip(exact, (p, q) => (p - q) * (p - q)).Sum());
        }
        double coarse = Error(1.0 / 32), fine = Error(1.0 / 64);
        double ratio = coarse / fine, expected = Math.Pow(2, method.Order);
        output.WriteLine($"{name} on {backend}: error {coarse:E3} at dt = 1/32, {fine:E3} at 1/64, ratio {ratio:F3} (2^{method.Order} = {expected})");
        // The next term of the error expansion moves the ratio by a relative O(|λ| dt) ≈ 2/32 ≈ 6 %, and float64
        // roundoff (~1e-15 per step, ~1e-13 after 128 steps) is ≤ 1e-3 of the finest error (Tsit5's, ~1e-10).
        // ±20 % keeps every method apart from its neighbours, whose ratios differ by a factor of two.
        Assert.InRange(ratio / expected, 0.8, 1.2);
    }
}
