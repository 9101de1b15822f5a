using Xunit;

namespace FastAttractors.Tests.Smoke;

/// <summary>
/// The API examples of README.md and the docs, as written there, so they cannot drift from the API. The docs include the
/// regions below verbatim (docs/tutorials/first-spectrum.md, docs/explanations/rk4-and-adjoint.md).
/// </summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Readme_api_example_runs_as_written()
    {
        #region integrate
        using var engine = Engine.Create();
        var nets = TanhRnn.Random(n: 16, g: 1.5, connectivity: 1, members: 4096, seed: 7);
        var x0 = InitialStates.Normal(16, 4096, std: 1, seed: 8);
        var sol = engine.Integrate(new EnsembleProblem(nets, x0, 4096), new Rk4(dt: 0.01), steps: 1000,
                                   SaveAt.EveryNthStep(10), new IntegrateOptions { Precision = Precision.Float32 });
        double x3 = sol.Final(member: 12, component: 3);
        bool diverged = sol.Status[12] == MemberStatus.NonFinite;
        #endregion

        Assert.False(diverged);
        Assert.True(double.IsFinite(x3));
        Assert.Equal(101, sol.Frames);
        Assert.Equal(x3, sol.At(100, 12, 3));
        Assert.Equal(10.0, sol.Times![100], 12);
    }

    [Fact]
    public void Readme_lyapunov_example_runs_as_written()
    {
        #region lyapunov
        using var engine = Engine.Create();
        var problem = new EnsembleProblem(new Lorenz(), [1, 1, 20], members: 1);
        var les = engine.Lyapunov(problem, new Rk4(0.01), new LyapunovOptions { Transient = 50, Duration = 1000 });
        #endregion

        // The README's values are the literature's (0.9056, 0, −14.5723) to 3 decimals; over T = 1000 the standard error of λ1 is
        // ≈ 0.02 (λ1 ± 0.024 measured at T = 500), so 0.1 is 5 standard errors.
        var spectrum = les.Spectrum(0);
        Assert.InRange(spectrum[0], 0.906 - 0.1, 0.906 + 0.1);
        Assert.InRange(spectrum[1], -0.05, 0.05);
        Assert.InRange(spectrum[2], -14.572 - 0.1, -14.572 + 0.1);
        Assert.Equal(3, les.Errors(0).Length);
        Assert.Equal(LyapunovStatus.Ok, les.Status[0]);
    }

    [Fact]
    public void Readme_gradient_example_runs_as_written()
    {
        #region gradient
        using var engine = Engine.Create();
        var problem = new EnsembleProblem(TanhRnn.Random(n: 16, g: 1.5, connectivity: 1, members: 64, seed: 7), InitialStates.Normal(16, 64, std: 1, seed: 8), 64);
        var grads = engine.Gradient(problem, new Rk4(0.05), steps: 400, Loss.Terminal(target: new double[16], dimension: 16), new GradientOptions { AdjointNormEvery = 10 });
        double dLdW01 = grads.Parameter("W").Get(1, member: 3);
        #endregion

        Assert.Equal(41, grads.NormTimes!.Length);
        Assert.All(grads.Status, s => Assert.Equal(GradientStatus.Ok, s));
        // The README calls it ∂L/∂W_01 of member 3: check it against a central difference of that entry alone.
        // h = 1e-5 gives an O(h²) truncation error ≈ 1e-10 and a rounding error ≈ 1e-16 · L / h ≈ 1e-11 relative to L ~ 1,
        // so 1e-6 relative leaves a wide margin while any indexing or transposition error (another entry) would fail.
        double LossAt(double delta)
        {
            var w = (double[])((TanhRnn)problem.Model).W.Values.Clone();
            w[1 * 64 + 3] += delta; // entry p = 1 (row 0, column 1) of member 3, SoA
            var model = new TanhRnn(ParameterBlock.PerMemberSoa("W", 16 * 16, 64, w), tau: ParameterBlock.Shared("tau", [1.0]));
            var sol = engine.Integrate(new EnsembleProblem(model, problem.InitialStates, 64), new Rk4(0.05), 400,
                options: new IntegrateOptions { Precision = Precision.Float64 });
            double loss = 0;
            for (int i = 0; i < 16; i++)
                loss += 0.5 * sol.Final(3, i) * sol.Final(3, i);
            return loss;
        }
        const double h = 1e-5;
        double central = (LossAt(h) - LossAt(-h)) / (2 * h);
        Assert.Equal(central, dLdW01, Math.Abs(central) * 1e-6 + 1e-9);
        Assert.Equal(LossAt(0), grads.Loss[3], 1e-9);
    }
}
