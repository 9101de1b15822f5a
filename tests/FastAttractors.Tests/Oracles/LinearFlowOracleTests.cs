using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Oracles;

/// <summary>Linear flows against the matrix exponential, and RK4's fourth order of convergence.</summary>
public class LinearFlowOracleTests
{
    private static double[,] RandomStable(int n, int seed)
    {
        var a = new double[n, n];
        var w = Weights.SparseGaussian(n, 1.0, 1.0, null, seed);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = w.Values[i * n + j] - (i == j ? 1.2 : 0.0);
        return a;
    }

    [Theory]
    [MemberData(nameof(BackendCases.Float64), MemberType = typeof(BackendCases))]
    public void Final_state_equals_matrix_exponential(Backend backend)
    {
        const int n = 5, members = 7;
        const double t = 2.0, dt = 0.01;
        var matrices = Enumerable.Range(0, members).Select(m => RandomStable(n, 100 + m)).ToArray();
        var model = new Linear(ParameterBlock.PerMemberRows("A", matrices.Select(a => Flatten(a)).ToArray()));
        var x0 = InitialStates.Normal(n, members, 1.0, 5);
        var sol = EngineCache.Get(backend).Integrate(new EnsembleProblem(model, x0, members), new Rk4(dt), (long)Math.Round(t / dt));
        for (int m = 0; m < members; m++)
        {
            var start = Enumerable.Range(0, n).Select(i => x0[i * members + m]).ToArray();
            var exact = MatrixExponential.Apply(MatrixExponential.Exp(MatrixExponential.Scale(matrices[m], t)), start);
            // RK4 global error ~ T · (‖A‖ dt)^4 / 120 ≈ 2 · (3 · 0.01)^4 / 120 ≈ 1e-8 relative.
            Compare.Close(sol.FinalState(m), exact, 1e-7, $"{backend} member {m}");
        }
    }

    [Theory]
    [MemberData(nameof(BackendCases.Float64), MemberType = typeof(BackendCases))]
    public void Rk4_converges_with_order_four(Backend backend)
    {
        // x' = A x with a damped rotation: error(dt) / error(dt/2) → 2^4 = 16.
        var a = new double[,] { { -0.3, 2.0 }, { -2.0, -0.3 } };
        var x0 = new[] { 1.0, 0.5 };
        var exact = MatrixExponential.Apply(MatrixExponential.Exp(MatrixExponential.Scale(a, 4.0)), x0);
        var errors = new[] { 0.1, 0.05, 0.025 }.Select(dt =>
        {
            var sol = EngineCache.Get(backend).Integrate(
                new EnsembleProblem(Linear.Shared(a), InitialStates.Constant(1, x0), 1), new Rk4(dt), (long)Math.Round(4.0 / dt));
            return Math.Sqrt(sol.FinalState(0).Zip(exact, (p, q) => (p - q) * (p - q)).Sum());
        }).ToArray();
        for (int k = 0; k + 1 < errors.Length; k++)
        {
            double ratio = errors[k] / errors[k + 1];
            Assert.InRange(ratio, 14.5, 17.5);
        }
    }

    private static double[] Flatten(double[,] a) => a.Cast<double>().ToArray();
}
