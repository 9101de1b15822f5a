using FastAttractors.Bench;
using FastAttractors.Cli.Bench;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

public class DevicePeakTests
{
    [Fact]
    public void Cpu_peak_is_cores_times_clock_times_lanes_times_two_times_ports()
    {
        // The Zen 4 guest of bench/RESULTS.md: 2 cores × 2.596 GHz × 8 lanes (256-bit) × 2 × 2 ports = 166.1 GFLOP/s.
        var cpu = FastAttractors.Bench.Machine.CpuInfo.Parse(FastAttractors.Cli.Tests.Machine.CannedCpuInfo.Zen4);
        var peak = DevicePeak.Cpu(MachinePeak.From(cpu, FastAttractors.Bench.Machine.CpuClock.From(null, cpu), 2, 256, "256 bits (test)"));

        Assert.Equal(2 * 2.596 * 8 * 2 * 2, peak.Gflops, 9);
        Assert.Contains("2 cores × 2.596 GHz", peak.Formula);
        Assert.Contains("× 8 float32 lanes", peak.Formula);
        Assert.Contains("× 2 (FMA) × 2 FMA ports = 166.1 GFLOP/s", peak.Formula);
    }

    [Theory]
    // Vendor figures for the boost clock: A100 SXM 19.5 TFLOP/s, H100 SXM 66.9, RTX 4090 82.6, V100 SXM2 15.7.
    [InlineData("A100", 108, 1_410_000, 8, 0, 19_492)]
    [InlineData("H100", 132, 1_980_000, 9, 0, 66_908)]
    [InlineData("RTX 4090", 128, 2_520_000, 8, 9, 82_575)]
    [InlineData("V100", 80, 1_530_000, 7, 0, 15_667)]
    public void Gpu_peak_is_SMs_times_clock_times_lanes_times_two(string name, int sms, int clockKHz, int major, int minor, double expectedGflops)
    {
        var peak = DevicePeak.Gpu(name, sms, clockKHz, major, minor);

        Assert.Equal(expectedGflops, peak.Gflops, 0.5);
        Assert.Contains($"{sms} SMs", peak.Formula);
        Assert.Contains("× 2 (FMA)", peak.Formula);
    }

    [Fact]
    public void Unknown_architectures_give_no_peak_and_say_why()
    {
        var peak = DevicePeak.Gpu("old", 10, 1_000_000, 3, 5);

        Assert.False(peak.Known);
        Assert.Contains("3.5", peak.Formula);
        Assert.Null(DevicePeak.Fp32LanesPerSm(2, 1));
        Assert.Equal(64, DevicePeak.Fp32LanesPerSm(6, 0));
        Assert.Equal(128, DevicePeak.Fp32LanesPerSm(6, 1));
        Assert.Equal(128, DevicePeak.Fp32LanesPerSm(10, 0));
    }
}
