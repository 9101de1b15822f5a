using Xunit;

namespace FastAttractors.Tests.Smoke;

public class SmokeTests
{
    [Theory]
    [InlineData(Backend.Reference, Precision.Float64)]
    [InlineData(Backend.Simd, Precision.Float64)]
    [InlineData(Backend.Simd, Precision.Float32)]
    [InlineData(Backend.IlgpuCpu, Precision.Float64)]
    [InlineData(Backend.IlgpuCpu, Precision.Float32)]
    public void Decay_matches_exp(Backend backend, Precision precision)
    {
        using var engine = Engine.Create(backend);
        var model = Linear.Shared(new double[,] { { -1 } });
        var sol = engine.Integrate(new EnsembleProblem(model, InitialStates.Constant(5, 1.0), 5), new Rk4(0.01), 100,
            options: new IntegrateOptions { Precision = precision });
        Assert.Equal(Math.Exp(-1), sol.Final(3, 0), precision == Precision.Float32 ? 1e-6 : 1e-9);
    }
}
