using FastAttractors.Cli.Bench;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

public class BenchTableTests
{
    private static readonly BenchDevice Cpu = new(Backend.Simd, "cpu", "test", new DevicePeak(100, "100 GFLOP/s"));

    private static BenchRow Row(Backend backend, BenchScale scale, RowStatus status = RowStatus.Ok) => new()
    {
        Case = TestCases.TinyW1(), Backend = backend, Scale = scale, Device = Cpu, Status = status,
        WarmupSeconds = 1.5, Seconds = 0.5, Units = 1e6, Runs = 3, Deviation = 2.5e-7, CheckedMembers = 8,
        SpeedupOverSimd = 0.04, SpeedupOverReference = 1,
    };

    [Fact]
    public void Extrapolated_rows_show_what_ran_and_mark_the_time_for_all_as_an_estimate()
    {
        var cells = BenchMarkdown.Cells(Row(Backend.Reference, new BenchScale(4096, 64)));
        string Cell(string header) => cells[Array.IndexOf(BenchMarkdown.Header, header)];

        Assert.Equal("4,096 (64)", Cell("members (ran)"));
        Assert.Equal("0.5000", Cell("median s"));
        Assert.Equal("≈ 32.0000", Cell("s for all"));
        Assert.Equal("2.000e6", Cell("throughput /s"));
        Assert.Equal("1.500", Cell("warm-up s")[..5]);
        Assert.Equal("2.500e-7 (8)", Cell("max dev. vs Reference"));
        Assert.Equal("0.04×", Cell("× Simd"));
        // 2e6 member-steps/s × 3,680 flops = 7.36 GFLOP/s of a 100 GFLOP/s peak.
        Assert.Equal("7.36", Cell("GFLOP/s"));
        Assert.Equal("7.4", Cell("% peak"));
    }

    [Fact]
    public void Failed_rows_have_no_throughput_and_keep_their_note()
    {
        var row = Row(Backend.Simd, new BenchScale(256, 256), RowStatus.Failed) with { Seconds = double.NaN, Units = double.NaN, Note = "failed: boom" };

        var cells = BenchMarkdown.Cells(row);

        Assert.Equal("failed", cells[2]);
        Assert.Equal("", cells[Array.IndexOf(BenchMarkdown.Header, "throughput /s")]);
        Assert.Equal("failed: boom", cells[^1]);
    }

    [Fact]
    public void Numbers_print_with_four_significant_digits()
    {
        Assert.Equal("1.000e7", BenchMarkdown.Sci(9.9999e6));
        Assert.Equal("1.235e-3", BenchMarkdown.Sci(1.2345e-3));
        Assert.Equal("0", BenchMarkdown.Sci(0));
    }
}
