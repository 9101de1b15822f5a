namespace FastAttractors.Bench.Machine;

/// <summary>
/// What the peak needs from the core's design: FMA ports (FMAs issued per cycle) and the width of the datapath each
/// executes. Known designs are classified by vendor, family and model (Intel's and AMD's published numbers, as listed
/// in their optimisation manuals); anything else gets 2 ports at the widest vector the CPU supports, and
/// <see cref="Assumption"/> says so.
/// </summary>
/// <param name="Assumption">null when the design is known; otherwise what was guessed and how.</param>
internal sealed record Microarchitecture(string Name, int FmaPorts, int DatapathBits, string? Assumption)
{
    /// <param name="runtimeWidestBits">the widest vector the runtime accelerates here (512, 256 or 128): the
    /// fallback's width when cpuinfo has no flags.</param>
    public static Microarchitecture Classify(CpuInfo cpu, int runtimeWidestBits)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        bool avx512 = cpu.Flags.Contains("avx512f");
        return (cpu.Vendor, cpu.Family, cpu.Model) switch
        {
            ("GenuineIntel", 6, { } m) when IntelServerAvx512(m) is { } name => IntelXeon(name, cpu.ModelName, m),
            ("AuthenticAMD", 0x17, < 0x30) => new("Zen / Zen+ (256-bit operations split over 128-bit units)", 2, 128, null),
            ("AuthenticAMD", 0x17, _) => new("Zen 2", 2, 256, null),
            ("AuthenticAMD", 0x19, { } m) when Zen4(m) => new("Zen 4 (512-bit operations executed as two 256-bit halves)", 2, 256, null),
            ("AuthenticAMD", 0x19, _) => new("Zen 3", 2, 256, null),
            ("AuthenticAMD", 0x1A, _) when avx512 => new("Zen 5", 2, 512,
                "assumed a 512-bit datapath (desktop and server Zen 5; mobile parts execute 512-bit operations on 256-bit units)"),
            _ => Fallback(cpu, runtimeWidestBits),
        };
    }

    /// <summary>AMD family 19h models 10h–1Fh (Genoa, Bergamo), 60h–7Fh (Raphael, Phoenix), A0h–AFh (Siena) are Zen 4; the rest of 19h is Zen 3.</summary>
    private static bool Zen4(int model) => model is >= 0x10 and <= 0x1F or >= 0x60 and <= 0x7F or >= 0xA0 and <= 0xAF;

    /// <summary>Intel family 6 server cores with AVX-512 and, on Gold and Platinum parts, two 512-bit FMA units.</summary>
    private static string? IntelServerAvx512(int model) => model switch
    {
        0x55 => "Skylake-SP / Cascade Lake",
        0x6A or 0x6C => "Ice Lake server",
        0x8F => "Sapphire Rapids",
        0xCF => "Emerald Rapids",
        0xAD or 0xAE => "Granite Rapids",
        _ => null,
    };

    /// <summary>
    /// Skylake-SP and Cascade Lake Bronze, Silver and Gold 5xxx parts (except Gold 5122) have one 512-bit FMA unit,
    /// Gold 6xxx and Platinum two. Later Xeons are listed with two; a name without the tier (a VM's "Intel Xeon
    /// Processor (SapphireRapids)") cannot tell, so two are assumed.
    /// </summary>
    private static Microarchitecture IntelXeon(string name, string modelName, int model)
    {
        bool oneUnitTier = modelName.Contains("Bronze", StringComparison.OrdinalIgnoreCase)
            || modelName.Contains("Silver", StringComparison.OrdinalIgnoreCase)
            || (modelName.Contains("Gold 5", StringComparison.OrdinalIgnoreCase) && !modelName.Contains("Gold 5122", StringComparison.OrdinalIgnoreCase));
        bool twoUnitTier = modelName.Contains("Platinum", StringComparison.OrdinalIgnoreCase) || modelName.Contains("Gold", StringComparison.OrdinalIgnoreCase);
        if (model == 0x55 && oneUnitTier)
            return new(name, 1, 512, null);
        if (twoUnitTier && !oneUnitTier)
            return new(name, 2, 512, null);
        return new(name, 2, 512, $"assumed two 512-bit FMA units: the name '{modelName}' does not settle it, and some Xeons have one");
    }

    private static Microarchitecture Fallback(CpuInfo cpu, int runtimeWidestBits)
    {
        var flags = cpu.Flags;
        (int bits, string source) = flags.Count == 0
            ? (runtimeWidestBits, "the widest vector the runtime accelerates (no cpuinfo flags)")
            : flags.Contains("avx512f") ? (512, "cpuinfo flag avx512f")
            : flags.Contains("avx2") || flags.Contains("avx") ? (256, "cpuinfo flag avx2/avx")
            : (128, "no AVX flag in cpuinfo");
        string who = cpu.Known ? $"{Or(cpu.Vendor, "unknown vendor")} family {Or(cpu.Family)} model {Or(cpu.Model)}" : "unknown CPU";
        return new($"{who}, not in the table", 2, bits, $"assumed 2 FMA ports × {bits}-bit ({source})");
    }

    private static string Or(string s, string none) => s.Length > 0 ? s : none;

    private static string Or(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
