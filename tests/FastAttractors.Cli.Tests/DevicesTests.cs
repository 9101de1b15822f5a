using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

public class DevicesTests
{
    [Fact]
    public void Lists_every_cpu_backend_and_names_the_default()
    {
        var result = CliHarness.Run("devices");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Simd: ", StringComparison.Ordinal) && l.Contains("lanes") && l.EndsWith("available: yes"));
        Assert.Contains(lines, l => l.StartsWith("Reference: ", StringComparison.Ordinal) && l.EndsWith("available: yes"));
        Assert.Contains(lines, l => l.StartsWith("Cuda: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("OpenCL: ", StringComparison.Ordinal));
        var expected = Engine.Devices().Default;
        Assert.StartsWith($"default: {expected} ", lines[^1]);
    }

    [Fact]
    public void Table_output_names_the_same_backends()
    {
        var stdout = new StringWriter();
        int code = Program.Run(["devices"], stdout, new StringWriter(), interactive: true);

        Assert.Equal(0, code);
        Assert.Contains("Simd", stdout.ToString());
        Assert.Contains("Reference", stdout.ToString());
        Assert.Contains("default:", stdout.ToString());
    }
}
