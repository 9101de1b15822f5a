using System.Diagnostics;
using Xunit;

namespace FastAttractors.Tests.Smoke;

/// <summary>
/// CI's dry run of bench/FastAttractors.GpuCheck, the program a lent GPU machine runs: the whole check (every model,
/// every kernel family, the binary networks, the timed workloads) at its small sizes on IlgpuCpu, which compiles and
/// runs the same kernels as Cuda. It proves the program works end to end before a GPU session spends minutes on it.
/// </summary>
public class GpuCheckDryRunTests
{
    [Fact]
    public async Task GpuCheck_passes_every_agreement_check_on_IlgpuCpu_at_small_sizes()
    {
        var program = GpuCheckAssembly();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { program, "IlgpuCpu", "1", "small" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(limit.Token);
        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"GpuCheck exited with {process.ExitCode}:\n{output}");
        Assert.Contains("ALL AGREEMENT CHECKS PASSED", output);
        Assert.DoesNotContain("FAIL", output);
        foreach (var family in new[] { "integrate tsit5", "lyapunov map Henon", "lyapunov large shared", "gradient rk4", "w7 agree OK" })
            Assert.Contains(family, output);
    }

    /// <summary>The program built beside this test assembly's configuration (the solution builds it).</summary>
    private static string GpuCheckAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        // tests/FastAttractors.Tests/bin/<Configuration>/<framework>/
        string framework = here.Name, configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FastAttractors.sln")))
            root = root.Parent;
        Assert.True(root is not null, $"no FastAttractors.sln above {AppContext.BaseDirectory}");
        var path = Path.Combine(root!.FullName, "bench", "FastAttractors.GpuCheck", "bin", configuration, framework, "FastAttractors.GpuCheck.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (dotnet build FastAttractors.sln -c {configuration})");
        return path;
    }
}
