using System.Text.Json;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// native/tests/hostile_python.py: a seeded random loop (hypothesis is not installed) calls every function of the
/// Python module with one argument replaced by a hostile value. Each call must raise TypeError, ValueError or
/// FastAttractorsError naming that argument: never return, crash, or raise anything else; the context must still
/// work afterwards. Three seeds, so a failure names a reproducible seed.
/// </summary>
public sealed class PythonPropertyTests
{
    // lorenz_lyapunov and henon_integrate: the model classes' coefficients, through the generic functions; degeneracy
    // and train_ensemble: fa.degeneracy and fa.train_ensemble on a tiny spec.
    private static readonly string[] Functions =
        ["degeneracy", "train_ensemble", "lorenz_lyapunov", "henon_integrate", "integrate", "lyapunov", "gradient", "train_sequences", "recall"];

    [Theory]
    [InlineData(1)]
    [InlineData(20260)]
    [InlineData(777)]
    public void HostileArgumentsRaiseNamingTheArgument(int seed)
    {
        const int Cases = 900;
        _ = NativeBuild.BuildDirectory;
        var run = ChildProcess.Run(PythonExampleTests.Python,
            ["native/tests/hostile_python.py", "--seed", seed.ToString(), "--cases", Cases.ToString()], NativeBuild.RepositoryRoot);
        Assert.True(run.ExitCode == 0, "hostile_python.py crashed or failed (needs python3-numpy): " + run.Describe());
        var summary = JsonDocument.Parse(run.Stdout).RootElement;

        var failures = summary.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} hostile calls did not raise naming their argument:\n"
            + string.Join('\n', failures.Take(30)));
        Assert.Equal(Cases, summary.GetProperty("cases").GetInt32());
        var byFunction = summary.GetProperty("by_function");
        Assert.All(Functions, f => Assert.Equal(Cases / Functions.Length, byFunction.GetProperty(f).GetInt32()));
        Assert.True(summary.GetProperty("context_still_works").GetBoolean());
    }
}
