using FastAttractors.Cli.Specs;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// --method (spec field method) picks the explicit Runge–Kutta method of integrate; it is written to spec.json only when
/// given (every backend runs every method for every command).
/// </summary>
public class MethodFlagTests
{
    private static IntegrateSpec Linear(string? method, string backend) => new()
    {
        Model = "linear", N = 2, Members = 3, Dt = 0.05, Steps = 10, Backend = backend, Method = method,
    };

    [Theory]
    [InlineData("tsit5", "simd")]
    [InlineData("EULER", "reference")]
    [InlineData("rk4", "ilgpucpu")]
    [InlineData("heun", "ilgpucpu")]
    public void Integrate_keeps_a_supported_method_by_its_canonical_name(string method, string backend)
    {
        var spec = SpecResolver.Resolve(Linear(method, backend));
        Assert.Equal(method.ToLowerInvariant(), spec.Method);
        Assert.Equal(spec, SpecReader.Parse(SpecWriter.ToJson(spec), "round trip"));
    }

    [Fact]
    public void Without_the_flag_spec_json_has_no_method_field()
    {
        var spec = SpecResolver.Resolve(Linear(null, "simd"));
        Assert.Null(spec.Method);
        Assert.DoesNotContain("method", SpecWriter.ToJson(spec));
    }

    [Fact]
    public void Unknown_methods_are_usage_errors()
    {
        var error = Assert.Throws<UsageException>(() => SpecResolver.Resolve(Linear("rk45", "ilgpucpu")));
        Assert.Contains("method (--method)", error.Message);
        Assert.Contains("must be one of rk4, euler, heun, tsit5", error.Message);
    }

    [Fact]
    public void Lyapunov_and_adjoint_take_any_method_on_every_backend()
    {
        var lyapunov = Linear("tsit5", "ilgpucpu") with { Steps = null, Duration = 20, Transient = 1 };
        Assert.Equal("tsit5", SpecResolver.ResolveLyapunov(lyapunov).Method);
        Assert.Equal("tsit5", SpecResolver.ResolveLyapunov(lyapunov with { Backend = "reference" }).Method);
        Assert.Equal("tsit5", SpecResolver.ResolveLyapunov(lyapunov with { Backend = "simd" }).Method);
        Assert.Equal("heun", SpecResolver.ResolveAdjoint(Linear("heun", "ilgpucpu")).Method);
        Assert.Equal("heun", SpecResolver.ResolveAdjoint(Linear("heun", "reference")).Method);
        Assert.Equal("heun", SpecResolver.ResolveAdjoint(Linear("heun", "simd")).Method);
    }

    [Fact]
    public void Maps_take_no_method()
    {
        var henon = new IntegrateSpec { Model = "henon", Members = 2, Steps = 5, Backend = "reference", Method = "heun" };
        Assert.Contains("applies only to flows", Assert.Throws<UsageException>(() => SpecResolver.Resolve(henon)).Message);
    }
}
