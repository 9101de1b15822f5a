using FastAttractors.Bench.Machine;
using Xunit;

namespace FastAttractors.Cli.Tests.Machine;

public class VectorWidthPolicyTests
{
    [Fact]
    public void An_avx512_cpu_at_256_bits_relaunches_at_512()
    {
        var d = VectorWidthPolicy.Decide(hasAvx512: true, currentBits: 256, overrideValue: null, runtimeSetting: null, relaunchedBits: null);

        Assert.Equal(512, d.RelaunchBits);
        Assert.Contains("AVX-512", d.Reason);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(128)]
    public void Without_avx512_nothing_changes(int currentBits)
    {
        var d = VectorWidthPolicy.Decide(hasAvx512: false, currentBits, overrideValue: null, runtimeSetting: null, relaunchedBits: null);

        Assert.False(d.Relaunch);
        Assert.Contains("runtime's default", d.Reason);
    }

    [Fact]
    public void Already_512_bits_stays()
    {
        Assert.False(VectorWidthPolicy.Decide(true, 512, null, null, null).Relaunch);
    }

    [Theory]
    [InlineData("native")]
    [InlineData(" Native ")]
    public void Native_keeps_the_runtime_default_even_with_avx512(string value)
    {
        var d = VectorWidthPolicy.Decide(true, 256, value, null, null);

        Assert.False(d.Relaunch);
        Assert.Contains("native", d.Reason);
    }

    [Fact]
    public void The_users_own_runtime_variables_win_over_the_default()
    {
        var d = VectorWidthPolicy.Decide(true, 256, null, "DOTNET_MaxVectorTBitWidth=256", null);

        Assert.False(d.Relaunch);
        Assert.Contains("DOTNET_MaxVectorTBitWidth=256", d.Reason);
    }

    [Fact]
    public void A_relaunched_child_never_relaunches_again()
    {
        var d = VectorWidthPolicy.Decide(true, 256, "512", null, relaunchedBits: "512");

        Assert.False(d.Relaunch);
        Assert.Contains("relaunched with DOTNET_PreferredVectorBitWidth=512 and DOTNET_MaxVectorTBitWidth=512", d.Reason);
    }

    [Theory]
    // (has AVX-512, current width, override) → width to relaunch at, 0 for none
    [InlineData(true, 256, "512", 512)]
    [InlineData(true, 512, "256", 256)]
    [InlineData(true, 512, "512", 0)]
    [InlineData(false, 256, "512", 0)] // cannot widen without AVX-512
    [InlineData(false, 256, "256", 0)]
    [InlineData(false, 256, "128", 128)]
    [InlineData(false, 128, "256", 0)] // never wider than the runtime started with, except 512 on AVX-512
    [InlineData(true, 256, "", 512)] // empty is unset
    public void An_explicit_width_relaunches_only_when_it_differs_and_the_cpu_has_it(bool avx512, int current, string value, int expected)
    {
        var d = VectorWidthPolicy.Decide(avx512, current, value, runtimeSetting: "DOTNET_MaxVectorTBitWidth=999", relaunchedBits: null);

        if (value.Length == 0)
            Assert.False(d.Relaunch); // unset override: the user's runtime variable wins
        else
            Assert.Equal(expected == 0 ? null : expected, d.RelaunchBits);
    }

    [Theory]
    [InlineData("1024")]
    [InlineData("wide")]
    [InlineData("512 bits")]
    public void An_unknown_override_is_an_error_naming_the_value(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => VectorWidthPolicy.Decide(true, 256, value, null, null));

        Assert.Contains($"FASTATTRACTORS_VECTOR_WIDTH: unknown value '{value}'", e.Message);
        Assert.Contains("native, 512, 256, 128", e.Message);
    }

    [Fact]
    public void The_child_gets_both_runtime_knobs_and_the_loop_guard()
    {
        Assert.Equal(
            [("DOTNET_PreferredVectorBitWidth", "512"), ("DOTNET_MaxVectorTBitWidth", "512"), ("FASTATTRACTORS_VECTOR_WIDTH_RELAUNCHED", "512")],
            VectorWidthPolicy.ChildEnvironment(512));
    }
}
