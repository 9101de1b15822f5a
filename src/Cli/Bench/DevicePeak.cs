using System.Globalization;
using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>A device's float32 arithmetic peak and the formula, with its numbers, that gave it (printed with every table).</summary>
/// <param name="Gflops">peak GFLOP/s, NaN when unknown.</param>
/// <param name="Formula">how it was computed, or why it is unknown.</param>
internal sealed record DevicePeak(double Gflops, string Formula)
{
    public bool Known => double.IsFinite(Gflops) && Gflops > 0;

    /// <summary>
    /// CPU: cores × GHz × float32 SIMD lanes × 2 (an FMA is two flops) × FMA ports, from what the runtime and the OS
    /// report (<see cref="MachinePeak"/> reads /proc/cpuinfo and cpufreq and classifies the microarchitecture).
    /// The lanes are the hardware's datapath; the runtime's own vector width is printed beside them, since a path that
    /// uses narrower vectors cannot reach this peak.
    /// </summary>
    public static DevicePeak Cpu(MachinePeak m)
    {
        ArgumentNullException.ThrowIfNull(m);
        string design = m.Design.Assumption is null ? m.Design.Name : $"{m.Design.Name}; {m.Design.Assumption}";
        return new(m.PeakFloat32Gflops, F(
            $"CPU {m.CpuModel}: {m.Cores} cores × {m.ClockGHz:0.###} GHz ({m.Clock.Source}) × {m.Lanes(32)} float32 lanes ({m.DatapathBits}-bit datapath; {design}) × 2 (FMA) × {m.FmaPorts} FMA ports = {m.PeakFloat32Gflops:0.0} GFLOP/s")
            + F($" (runtime: Vector<T> {m.VectorInUse}, Vector512 accelerated = {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated})"));
    }

    /// <summary>
    /// NVIDIA GPU: SMs × clock × FP32 lanes per SM × 2 (FMA). ILGPU reports the SM count, the clock (kHz) and the
    /// compute capability; the lanes per SM follow from the compute capability (<see cref="Fp32LanesPerSm"/>).
    /// </summary>
    public static DevicePeak Gpu(string name, int multiprocessors, int clockKHz, int major, int minor)
    {
        int? lanes = Fp32LanesPerSm(major, minor);
        if (lanes is null)
            return new(double.NaN, F($"GPU {name}: compute capability {major}.{minor} has no FP32-lanes-per-SM entry; peak unknown"));
        double ghz = clockKHz / 1e6;
        double gflops = multiprocessors * ghz * lanes.Value * 2;
        return new(gflops, F($"GPU {name}: {multiprocessors} SMs × {ghz:0.###} GHz × {lanes} FP32 lanes per SM (compute capability {major}.{minor}) × 2 (FMA) = {gflops:0.0} GFLOP/s"));
    }

    /// <summary>
    /// FP32 cores per SM by compute capability (CUDA C Programming Guide, "Arithmetic Instructions" throughput table):
    /// 64 on 6.0, 7.x and 8.0 (P100, V100, T4, A100); 128 on 5.x, 6.1/6.2, 8.6/8.7/8.9, 9.0 and later (Maxwell,
    /// consumer Pascal, Ampere consumer, Ada, Hopper, Blackwell). Unknown (older) architectures give null.
    /// </summary>
    public static int? Fp32LanesPerSm(int major, int minor) => (major, minor) switch
    {
        (6, 0) or (7, _) or (8, 0) => 64,
        (5, _) or (6, _) or (8, _) => 128,
        ( >= 9, _) => 128,
        _ => null,
    };

    public static DevicePeak Unknown(string why) => new(double.NaN, why);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
