using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>systems --quick runs the five systems of Fig. 3 in seconds and writes the table and figures.</summary>
public class SystemsTests
{
    [Fact]
    public void Quick_run_writes_tables_and_figures_for_the_five_systems()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("systems", "--quick", "--backend", "Reference", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);

        string[] keys = ["one-fixed-point", "two-fixed-points", "line-attractor", "chaos", "limit-cycle"];
        // Three 600 × 320 panels in a row per system (trajectories, spectrum, adjoint); systems.png stacks the five rows.
        foreach (var key in keys)
        {
            Assert.True(new FileInfo(dir.File(key + ".png")).Length > 1000, key);
            Assert.Equal((1800, 320), PngSize(dir.File(key + ".png")));
        }
        Assert.Equal((1800, 5 * 320), PngSize(dir.File("systems.png")));
        // The adjoint of a terminal loss decays backward to a fixed point and grows backward in chaos.
        foreach (var title in new[] { "One fixed point", "Two fixed points" })
            Assert.True(AdjointGain(result.Stdout, title) < 1, title);
        Assert.True(AdjointGain(result.Stdout, "Chaos") > 1);

        var md = File.ReadAllText(dir.File("systems.md"));
        foreach (var title in new[] { "One fixed point", "Two fixed points", "Line attractor", "Chaos", "Limit cycle" })
            Assert.Contains($"| {title} |", md);
        Assert.Contains("{0, −2, −3, −3, −3, −3}", md);

        // CSV: one row per computed exponent (--quick keeps at most 3 of each system), expected values where known.
        var csv = File.ReadAllLines(dir.File("systems.csv"));
        Assert.Equal("system,unit,index,exponent,standard_error,expected", csv[0]);
        Assert.Equal(1 + 5 * 3, csv.Length);
        var line = csv.Single(l => l.StartsWith("line-attractor,τ,2,", StringComparison.Ordinal)).Split(',');
        // Even the quick run (T = 100 τ) resolves the line attractor's −2: it is a fixed point, no noise.
        Assert.Equal(-2, double.Parse(line[3], System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal("-2", line[5]);
        Assert.Contains("Limit cycle (per s)", result.Stdout);
    }

    /// <summary>Width and height from the IHDR chunk (big-endian, bytes 16–23 of a PNG).</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>|a(0)| / |a(T)| as printed in the system's progress line.</summary>
    private static double AdjointGain(string stdout, string title)
    {
        var line = stdout.Split('\n').Single(l => l.StartsWith(title + ":", StringComparison.Ordinal));
        var match = System.Text.RegularExpressions.Regex.Match(line, @"\|a\(0\)\| / \|a\(T\)\| = ([^,]+),");
        Assert.True(match.Success, line);
        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Unknown_backend_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("systems", "--backend", "Tpu", "--out", dir.Path);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Tpu", result.Stderr);
        Assert.Contains("--backend", result.Stderr);
    }
}
