using System.Globalization;
using System.Runtime.Intrinsics;
using FastAttractors.Bench.Machine;

namespace FastAttractors.Bench;

/// <summary>
/// The machine a benchmark ran on and the arithmetic peak it assumes: cores × GHz × FMA ports × 2 flops × lanes, for
/// float32 and float64. Every input is read from the machine where it can be (<see cref="CpuInfo"/>,
/// <see cref="CpuClock"/>, <see cref="Microarchitecture"/>) and printed with its source, and "assumed" marks each
/// guess, because a "% peak" is only as good as the peak.
/// </summary>
/// <param name="Cores">physical cores: logical CPUs (Environment.ProcessorCount) ÷ threads per core, since SMT
/// siblings share one core's FMA units.</param>
/// <param name="VectorInUse">Vector&lt;T&gt;'s width in this process and why (<see cref="VectorWidthPolicy.InUse"/>).</param>
internal sealed record MachinePeak(
    CpuInfo Cpu,
    Microarchitecture Design,
    CpuClock Clock,
    int LogicalCpus,
    int Cores,
    string VectorInUse)
{
    public string CpuModel => Cpu.ModelName.Length > 0 ? Cpu.ModelName : "unknown CPU";

    public int FmaPorts => Design.FmaPorts;

    public int DatapathBits => Design.DatapathBits;

    public double ClockGHz => Clock.GHz;

    /// <summary>True when any input of the peak was guessed rather than read.</summary>
    public bool Assumed => Design.Assumption is not null || Clock.Assumed;

    public int Lanes(int elementBits) => DatapathBits / elementBits;

    public double PeakGflops(int elementBits) => Cores * ClockGHz * FmaPorts * 2 * Lanes(elementBits);

    public double PeakFloat32Gflops => PeakGflops(32);

    public double PeakFloat64Gflops => PeakGflops(64);

    /// <summary>This machine, as the running process sees it.</summary>
    public static MachinePeak Detect()
    {
        var cpu = CpuInfo.Read();
        return From(cpu, CpuClock.Detect(cpu), Environment.ProcessorCount, RuntimeWidestBits, VectorWidthPolicy.InUse());
    }

    public static MachinePeak Current => current.Value;

    private static readonly Lazy<MachinePeak> current = new(Detect);

    /// <summary>The pure part of <see cref="Detect"/>, for canned cpuinfo texts.</summary>
    public static MachinePeak From(CpuInfo cpu, CpuClock clock, int logicalCpus, int runtimeWidestBits, string vectorInUse)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (logicalCpus < 1)
            throw new ArgumentOutOfRangeException(nameof(logicalCpus), logicalCpus, $"logical CPU count {logicalCpus} must be at least 1.");
        int cores = Math.Max(1, logicalCpus / cpu.ThreadsPerCore);
        return new(cpu, Microarchitecture.Classify(cpu, runtimeWidestBits), clock, logicalCpus, cores, vectorInUse);
    }

    /// <summary>The widest vector the runtime accelerates here: the unknown-CPU fallback's datapath.</summary>
    public static int RuntimeWidestBits =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>One line naming the machine and the peak, printed with every benchmark report.</summary>
    public string Describe()
    {
        string ids = Cpu.Family is { } f && Cpu.Model is { } m ? F($"family {f} (0x{f:X}) model {m} (0x{m:X})") : "family/model unknown";
        string vendor = Cpu.Vendor.Length > 0 ? Cpu.Vendor : "unknown vendor";
        string cores = Cores == LogicalCpus ? F($"{Cores} cores") : F($"{Cores} cores ({LogicalCpus} logical CPUs, {Cpu.ThreadsPerCore} threads per core)");
        string design = Design.Assumption is null ? Design.Name : $"{Design.Name}; {Design.Assumption}";
        string clock = F($"{ClockGHz:0.###} GHz ({Clock.Source})");
        return F($"Machine: {vendor} {CpuModel}, {ids} = {design}; Vector<T> in use: {VectorInUse}; {FmaPorts} FMA ports × {DatapathBits}-bit; {clock}; {cores}. ")
            + F($"{(Assumed ? "Peak assumed (some inputs guessed, see above)" : "Peak")}: {Cores} cores × {ClockGHz:0.###} GHz × {FmaPorts} FMA ports × 2 flops × {Lanes(32)} float32 lanes = {PeakFloat32Gflops:0.0} GFLOP/s float32, ")
            + F($"× {Lanes(64)} float64 lanes = {PeakFloat64Gflops:0.0} GFLOP/s float64.");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
