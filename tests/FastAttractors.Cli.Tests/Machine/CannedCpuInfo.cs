namespace FastAttractors.Cli.Tests.Machine;

/// <summary>First-processor blocks of /proc/cpuinfo as the kernels of these machines print them (flags shortened).</summary>
internal static class CannedCpuInfo
{
    /// <summary>A 2-vCPU cloud guest on Sapphire Rapids: one core, two SMT threads.</summary>
    public const string SapphireRapids = """
        processor	: 0
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 143
        model name	: Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz
        stepping	: 8
        cpu MHz		: 2699.998
        cache size	: 107520 KB
        siblings	: 2
        core id		: 0
        cpu cores	: 1
        flags		: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_fp16 amx_tile

        processor	: 1
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 143
        """;

    /// <summary>The 2-core Zen 4 guest of bench/RESULTS.md (no cpufreq in the guest).</summary>
    public const string Zen4 = """
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 25
        model		: 17
        model name	: AMD EPYC 9654 96-Core Processor
        stepping	: 1
        cpu MHz		: 2596.000
        siblings	: 2
        core id		: 0
        cpu cores	: 2
        flags		: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16
        """;

    /// <summary>A Zen 3 EPYC guest whose model name says only "AMD EPYC".</summary>
    public const string Zen3 = """
        processor	: 0
        vendor_id	: AuthenticAMD
        cpu family	: 25
        model		: 1
        model name	: AMD EPYC
        stepping	: 1
        cpu MHz		: 2445.406
        siblings	: 2
        core id		: 0
        cpu cores	: 2
        flags		: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2
        """;

    /// <summary>A vendor and family in no table (a VIA/Zhaoxin part), AVX2 but no AVX-512, no clock anywhere.</summary>
    public const string Unknown = """
        processor	: 0
        vendor_id	: CentaurHauls
        cpu family	: 7
        model		: 59
        model name	: ZHAOXIN KaiXian KX-U6780A
        siblings	: 8
        cpu cores	: 8
        flags		: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2
        """;

    /// <summary>Skylake-SP Silver: one 512-bit FMA unit.</summary>
    public const string SkylakeSilver = """
        processor	: 0
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 85
        model name	: Intel(R) Xeon(R) Silver 4114 CPU @ 2.20GHz
        siblings	: 20
        cpu cores	: 10
        flags		: fpu sse sse2 fma avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl
        """;

    /// <summary>A QEMU guest that names the design but not the Xeon tier.</summary>
    public const string SapphireRapidsUnnamedTier = """
        processor	: 0
        vendor_id	: GenuineIntel
        cpu family	: 6
        model		: 143
        model name	: Intel Xeon Processor (SapphireRapids)
        cpu MHz		: 2100.000
        flags		: fpu sse sse2 fma avx avx2 avx512f
        """;
}
