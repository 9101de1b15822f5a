using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>Lorenz σ, ρ, β and Rössler a, b, c from flags: used by the run, finite, and refused for other models.</summary>
public class ModelParameterFlagTests
{
    [Fact]
    public void Lorenz_rho_flag_reaches_the_engine()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("integrate", "--model", "lorenz", "--members", "2", "--dt", "0.01", "--steps", "30", "--rho", "20",
            "--seed", "3", "--backend", "Reference", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var engine = Engine.Create(Backend.Reference);
        var expected = engine.Integrate(new EnsembleProblem(new Lorenz(10, 20, 8.0 / 3.0), InitialStates.Normal(3, 2, 1.0, 3), 2), new Rk4(0.01), 30);
        Assert.Equal(Output.SolutionArrays.FinalStates(expected), NpyArray.ReadNpz(dir.File("integrate.npz"))["final_states"].Doubles());
    }

    [Theory]
    [InlineData("lorenz", "--rho", "NaN", "rho (--rho): must be finite, got NaN.")]
    [InlineData("lorenz", "--sigma", "Infinity", "sigma (--sigma): must be finite, got Infinity.")]
    [InlineData("rossler", "--rossler-c", "-Infinity", "rossler_c (--rossler-c): must be finite, got -Infinity.")]
    [InlineData("rossler", "--beta", "2", "beta (--beta): applies only to model lorenz, not 'rossler', got 2.")]
    [InlineData("lorenz", "--rossler-a", "0.1", "rossler_a (--rossler-a): applies only to model rossler, not 'lorenz', got 0.1.")]
    public void Bad_values_exit_2_naming_the_flag_and_value(string model, string flag, string value, string message)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("integrate", "--model", model, "--members", "1", "--dt", "0.01", "--steps", "3", flag, value, "--out", dir.Path);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal($"error: {message}", result.Stderr.Trim());
    }
}
