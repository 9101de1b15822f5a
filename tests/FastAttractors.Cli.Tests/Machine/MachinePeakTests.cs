using FastAttractors.Bench;
using FastAttractors.Bench.Machine;
using Xunit;

namespace FastAttractors.Cli.Tests.Machine;

public class MachinePeakTests
{
    private static MachinePeak Peak(string cpuinfo, int logicalCpus, string? maxFrequencyKHz = null, int runtimeWidestBits = 256)
    {
        var cpu = CpuInfo.Parse(cpuinfo);
        return MachinePeak.From(cpu, CpuClock.From(maxFrequencyKHz, cpu), logicalCpus, runtimeWidestBits, "256 bits (test)");
    }

    [Fact]
    public void Sapphire_rapids_platinum_has_two_512_bit_fma_ports_per_physical_core()
    {
        var m = Peak(CannedCpuInfo.SapphireRapids, logicalCpus: 2);

        Assert.Equal(("GenuineIntel", 6, 143), (m.Cpu.Vendor, m.Cpu.Family!.Value, m.Cpu.Model!.Value));
        Assert.Equal("Sapphire Rapids", m.Design.Name);
        Assert.Equal((2, 512), (m.FmaPorts, m.DatapathBits));
        Assert.Equal(1, m.Cores); // two SMT threads share one core's FMA units
        Assert.Equal(2.699998, m.ClockGHz, 6);
        Assert.False(m.Assumed);
        Assert.Equal(1 * 2.699998 * 2 * 2 * 16, m.PeakFloat32Gflops, 6);
        Assert.Equal(1 * 2.699998 * 2 * 2 * 8, m.PeakFloat64Gflops, 6);
        string line = m.Describe();
        Assert.Contains("GenuineIntel Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz, family 6 (0x6) model 143 (0x8F) = Sapphire Rapids", line);
        Assert.Contains("Vector<T> in use: 256 bits (test)", line);
        Assert.Contains("2 FMA ports × 512-bit", line);
        Assert.Contains("1 cores (2 logical CPUs, 2 threads per core)", line);
        Assert.Contains("= 172.8 GFLOP/s float32", line);
        Assert.Contains("= 86.4 GFLOP/s float64", line);
        Assert.DoesNotContain("assumed", line);
    }

    [Fact]
    public void Zen_4_counts_512_bit_operations_as_two_256_bit_halves()
    {
        var m = Peak(CannedCpuInfo.Zen4, logicalCpus: 2);

        Assert.StartsWith("Zen 4", m.Design.Name);
        Assert.Equal((2, 256), (m.FmaPorts, m.DatapathBits));
        Assert.Equal(2, m.Cores);
        Assert.False(m.Assumed);
        // bench/RESULTS.md's peak: 2 cores × 2.596 GHz × 2 ports × 2 flops × 8 lanes.
        Assert.Equal(2 * 2.596 * 2 * 2 * 8, m.PeakFloat32Gflops, 9);
        Assert.Equal(2 * 2.596 * 2 * 2 * 4, m.PeakFloat64Gflops, 9);
        Assert.Contains("family 25 (0x19) model 17 (0x11)", m.Describe());
        Assert.Contains("166.1 GFLOP/s float32", m.Describe());
    }

    [Fact]
    public void Zen_3_has_two_256_bit_fma_ports()
    {
        var m = Peak(CannedCpuInfo.Zen3, logicalCpus: 2, maxFrequencyKHz: "3500000\n");

        Assert.Equal("Zen 3", m.Design.Name);
        Assert.Equal((2, 256), (m.FmaPorts, m.DatapathBits));
        Assert.Equal(3.5, m.ClockGHz, 9);
        Assert.Equal("cpufreq cpuinfo_max_freq", m.Clock.Source);
        Assert.Equal(2 * 3.5 * 2 * 2 * 8, m.PeakFloat32Gflops, 9);
        Assert.Equal(2 * 3.5 * 2 * 2 * 4, m.PeakFloat64Gflops, 9);
        Assert.Contains("family 25 (0x19) model 1 (0x1) = Zen 3", m.Describe());
    }

    [Fact]
    public void An_unknown_cpu_gets_two_ports_at_its_widest_flag_and_an_assumed_clock_and_says_so()
    {
        var m = Peak(CannedCpuInfo.Unknown, logicalCpus: 8);

        Assert.Equal((2, 256), (m.FmaPorts, m.DatapathBits));
        Assert.True(m.Clock.Assumed);
        Assert.Equal(CpuClock.AssumedGHz, m.ClockGHz);
        Assert.True(m.Assumed);
        string line = m.Describe();
        Assert.Contains("CentaurHauls family 7 model 59, not in the table", line);
        Assert.Contains("assumed 2 FMA ports × 256-bit (cpuinfo flag avx2/avx)", line);
        Assert.Contains("3 GHz (assumed", line);
        Assert.Contains("Peak assumed", line);
        Assert.Equal(8 * 3.0 * 2 * 2 * 8, m.PeakFloat32Gflops, 9);
    }

    [Fact]
    public void Without_cpuinfo_the_runtime_widest_vector_is_assumed()
    {
        var m = MachinePeak.From(CpuInfo.Empty, CpuClock.From(null, CpuInfo.Empty), 4, runtimeWidestBits: 128, "128 bits (test)");

        Assert.Equal((2, 128), (m.FmaPorts, m.DatapathBits));
        Assert.Contains("unknown vendor unknown CPU, family/model unknown = unknown CPU, not in the table", m.Describe());
        Assert.Contains("the widest vector the runtime accelerates", m.Describe());
        Assert.True(m.Assumed);
    }

    [Fact]
    public void Skylake_sp_silver_has_one_512_bit_fma_unit()
    {
        var m = Peak(CannedCpuInfo.SkylakeSilver, logicalCpus: 20);

        Assert.Equal((1, 512), (m.FmaPorts, m.DatapathBits));
        Assert.Equal(10, m.Cores);
        Assert.Equal(2.2, m.ClockGHz, 9); // from the model name: no cpufreq, no cpu MHz
        Assert.False(m.Assumed);
    }

    [Fact]
    public void A_xeon_without_its_tier_in_the_name_is_assumed_to_have_two_units()
    {
        var m = Peak(CannedCpuInfo.SapphireRapidsUnnamedTier, logicalCpus: 2);

        Assert.Equal((2, 512), (m.FmaPorts, m.DatapathBits));
        Assert.True(m.Assumed);
        Assert.Contains("assumed two 512-bit FMA units", m.Describe());
    }

    [Fact]
    public void A_logical_cpu_count_below_one_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Peak(CannedCpuInfo.Zen3, logicalCpus: 0));
        Assert.Contains("logical CPU count 0", e.Message);
    }

    [Fact]
    public void This_machine_is_described_in_one_line()
    {
        string line = MachinePeak.Detect().Describe();

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("Machine: ", line);
        Assert.Contains("Vector<T> in use: ", line);
        Assert.Contains("GFLOP/s float64", line);
    }
}
