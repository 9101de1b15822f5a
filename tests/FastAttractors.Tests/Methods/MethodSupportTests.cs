using FastAttractors.Lyapunov;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// Where a method runs it is correct, and where it does not it is refused by name — never silently replaced by RK4.
/// Every backend reads the tableau for integrate, Lyapunov and gradients.
/// </summary>
public class MethodSupportTests
{
    public static IEnumerable<object[]> NonRk4() =>
        FastAttractors.Methods.All.Where(m => m != FastAttractors.Methods.ClassicRk4).Select(m => new object[] { m.Name });

    private static EnsembleProblem LinearProblem(int members = 2) =>
        new(Linear.Shared(new double[,] { { -0.3, 2.0 }, { -2.0, -0.3 } }), InitialStates.Normal(2, members, 1, 3), members);

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Every_backend_runs_every_method_for_every_capability(string name)
    {
        var method = FastAttractors.Methods.ByName(name);
        foreach (var backend in Enum.GetValues<Backend>())
            foreach (var capability in new[] { SolverCapability.Integrate, SolverCapability.Lyapunov, SolverCapability.Gradient })
                Assert.True(MethodSupport.Supports(backend, capability, method), $"{name} {capability} on {backend}");
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Lyapunov_runs_every_method_on_every_backend(string name)
    {
        var method = FastAttractors.Methods.ByName(name);
        foreach (var backend in new[] { Backend.Reference, Backend.Simd, Backend.IlgpuCpu, Backend.Cuda, Backend.OpenCL })
            Assert.True(MethodSupport.Supports(backend, SolverCapability.Lyapunov, method), $"{name} on {backend}");
        var les = EngineCache.Get(Backend.IlgpuCpu).Lyapunov(LinearProblem(), new ExplicitRk(method, 0.01), new LyapunovOptions { Duration = 1 });
        Assert.All(les.Status, s => Assert.NotEqual(LyapunovStatus.Diverged, s));
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Integrate_runs_every_method_on_every_backend(string name)
    {
        var method = FastAttractors.Methods.ByName(name);
        foreach (var backend in new[] { Backend.Reference, Backend.Simd, Backend.IlgpuCpu })
        {
            Assert.True(MethodSupport.Supports(backend, SolverCapability.Integrate, method), $"{name} on {backend}");
            var solution = EngineCache.Get(backend).Integrate(LinearProblem(), new ExplicitRk(method, 0.01), 10);
            Assert.All(solution.Status, s => Assert.Equal(MemberStatus.Ok, s));
        }
        foreach (var backend in new[] { Backend.Cuda, Backend.OpenCL })
            Assert.True(MethodSupport.Supports(backend, SolverCapability.Integrate, method), $"{name} on {backend}");
    }

    [Fact]
    public void A_copy_of_rk4s_tableau_runs_everywhere_as_rk4()
    {
        var copy = new ButcherTableau("my-rk4", 4, [[], [0.5], [0.0, 0.5], [0.0, 0.0, 1.0]], [1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6], [0.0, 0.5, 0.5, 1.0]);
        var engine = EngineCache.Get(Backend.IlgpuCpu);
        var expected = engine.Integrate(LinearProblem(), new Rk4(0.01), 50);
        var actual = engine.Integrate(LinearProblem(), new ExplicitRk(copy, 0.01), 50);
        Assert.Equal(expected.FinalStates, actual.FinalStates);
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Reference_lyapunov_of_a_linear_flow_is_the_real_parts_of_its_eigenvalues(string name)
    {
        const int n = 5;
        var (a, re) = KnownSpectra.Build(n, 1, nonNormality: 0.5, r => -1.5 + 2 * r.NextDouble());
        var les = EngineCache.Get(Backend.Reference).Lyapunov(new EnsembleProblem(new Linear(ParameterBlock.Shared("A", a)), InitialStates.Normal(n, 1, 1, 1), 1),
            new ExplicitRk(FastAttractors.Methods.ByName(name), 0.002), new LyapunovOptions { Transient = 50, Duration = 1000, Every = 10 });
        // Finite-time bias ≈ 1e-3 at T = 1000 (as for RK4); the method's own bias in log|growth| per unit time is
        // O(h^p ‖A‖^(p+1)), about h·|λ|²/2 ≲ 0.002·9/2 ≈ 9e-3 for Euler — so 1e-2 for Euler and 2e-3 for the rest.
        double tolerance = name == "euler" ? 1e-2 : 2e-3;
        Compare.Close(les.Spectrum(0), re, tolerance, name);
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Reference_adjoint_is_the_exact_gradient_of_the_discrete_loss(string name)
    {
        // The loss ½|x(T) − y|² of a linear flow stepped by any explicit RK method is quadratic in x₀, so a central
        // difference is exact up to roundoff: the discrete adjoint must match it to ~1e-8.
        const int n = 2, steps = 100;
        double[] target = [0.3, -0.2];
        var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), 0.02);
        var engine = EngineCache.Get(Backend.Reference);
        var x0 = new[] { 0.7, -0.4 };
        double LossAt(double[] x) => engine.Gradient(new EnsembleProblem(Linear.Shared(new double[,] { { -0.3, 2.0 }, { -2.0, -0.3 } }),
            InitialStates.Constant(1, x), 1), solver, steps, Loss.Terminal(target, n)).Loss[0];
        var grads = engine.Gradient(new EnsembleProblem(Linear.Shared(new double[,] { { -0.3, 2.0 }, { -2.0, -0.3 } }),
            InitialStates.Constant(1, x0), 1), solver, steps, Loss.Terminal(target, n));
        for (int i = 0; i < n; i++)
        {
            const double e = 1e-3;
            var up = (double[])x0.Clone();
            var down = (double[])x0.Clone();
            up[i] += e;
            down[i] -= e;
            double fd = (LossAt(up) - LossAt(down)) / (2 * e);
            Assert.Equal(fd, grads.InitialStates[i], 1e-8);
        }
    }
}
