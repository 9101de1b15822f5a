using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>stability and head-direction (issue 10): small runs write their Parquet tables and figures; bad flags exit 2.</summary>
public class StabilityTests
{
    [Fact]
    public void Stability_writes_one_row_per_member_and_one_per_system_and_sigma()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("stability", "--quick", "--systems", "line,pta", "--sigmas", "0,0.1", "--members", "2",
            "--backend", "Simd", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var members = ParquetTable.Read(dir.File("stability.parquet"));
        Assert.Equal(2 * 2 * 2, members.Rows);
        Assert.Equal(["line", "line", "line", "line", "pta", "pta", "pta", "pta"], members.Column<string>("system"));
        Assert.Equal([0, 0, 0.1, 0.1, 0, 0, 0.1, 0.1], members.Column<double>("sigma"));
        // σ = 0: every member is the base network, so both have the base system's zero count.
        Assert.Equal([1, 1], members.Column<int>("zero_count").Take(2));
        Assert.Equal([3, 3], members.Column<int>("zero_count").Skip(4).Take(2));
        Assert.True(double.IsNaN(members.Column<double>("lambda_5")[0])); // the line computes k = 4
        Assert.Equal("0,0.1", members.Metadata["sigmas"]);
        var summary = ParquetTable.Read(dir.File("stability_summary.parquet"));
        Assert.Equal(4, summary.Rows);
        Assert.Equal([1, 1, 3, 3], summary.Column<int>("expected_zeros"));
        Assert.True(new FileInfo(dir.File("stability.png")).Length > 1000);
        Assert.Contains("Toroidal attractor (PTA): 4 members", result.Stdout);
    }

    [Fact]
    public void Head_direction_writes_traces_bumps_and_figures()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("head-direction", "--quick", "--duration", "200", "--record-every", "10", "--sigma", "0.02",
            "--backend", "Simd", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = ParquetTable.Read(dir.File("head_direction.parquet"));
        // --quick: 2 draws × 4 headings (1 draw at σ = 0) per circuit, 2 velocity runs; 200/10 = 20 τ → 3 frames (0, 10, 20).
        int runs = 2 + (4 + 8) + (4 + 8);
        Assert.Equal(runs * 3, table.Rows);
        var circuit = table.Column<string>("circuit");
        var error = table.Column<double>("error");
        var sigma = table.Column<double>("sigma");
        // Noise-free holding keeps the heading (both circuits).
        for (int r = 0; r < table.Rows; r++)
        {
            if (sigma[r] == 0 && circuit[r] != "oscillators-velocity")
                Assert.True(Math.Abs(error[r]) < 5e-3, $"{circuit[r]} row {r}: error {error[r]}");
        }
        var bumps = ParquetTable.Read(dir.File("bump.parquet"));
        Assert.Equal(32 + 2 * 64, bumps.Rows);
        Assert.True(new FileInfo(dir.File("heading.png")).Length > 1000);
        Assert.True(new FileInfo(dir.File("bump.png")).Length > 1000);
    }

    [Theory]
    [InlineData("--sigmas", "-0.1")]
    [InlineData("--sigmas", "nan")]
    [InlineData("--sigmas", "")]
    [InlineData("--sigmas", "0,x")]
    [InlineData("--members", "0")]
    [InlineData("--systems", "torus")]
    [InlineData("--threshold", "0")]
    [InlineData("--draws", "some")]
    public void Stability_bad_flags_exit_2_naming_the_flag(string flag, string value)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("stability", flag, value, "--out", dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr);
        Assert.Contains(flag, result.Stderr);
    }

    [Theory]
    [InlineData("--sigma", "-0.1")]
    [InlineData("--duration", "0")]
    [InlineData("--record-every", "-1")]
    [InlineData("--draws", "0")]
    [InlineData("--headings", "0")]
    public void Head_direction_bad_flags_exit_2_naming_the_flag(string flag, string value)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("head-direction", flag, value, "--out", dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr);
        Assert.Contains(flag, result.Stderr);
    }
}
