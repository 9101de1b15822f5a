using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace FastAttractors.Bench;

/// <summary>
/// The CPU's float32 arithmetic peak: cores × FMA lanes per cycle × 2 flops per FMA × clock. Every input is read from
/// the machine where it can be and printed with its source, because each is an assumption the reader should check.
/// </summary>
internal sealed record MachinePeak(
    string CpuModel,
    string Microarchitecture,
    int Cores,
    int FmaPipes,
    int DatapathBits,
    double ClockGHz,
    string ClockSource)
{
    /// <summary>float32 FMA lanes per cycle per core: pipes × the native datapath width in floats.</summary>
    public int FmaLanes => FmaPipes * DatapathBits / 32;

    public double PeakGflops => Cores * FmaLanes * 2 * ClockGHz;

    public string Describe() =>
        $"CPU: {CpuModel} ({Microarchitecture}); {Cores} cores × {FmaPipes} FMA pipes × {DatapathBits / 32} float32 lanes "
        + $"({DatapathBits}-bit datapath) × 2 flops × {ClockGHz:F3} GHz ({ClockSource}) = {PeakGflops:F1} GFLOP/s float32 peak. "
        + $"Runtime: Vector<float>.Count = {Vector<float>.Count}, Vector256 accelerated = {Vector256.IsHardwareAccelerated}, "
        + $"Vector512 accelerated = {Vector512.IsHardwareAccelerated}.";

    public static MachinePeak Detect()
    {
        var info = ReadCpuInfo();
        string model = info.GetValueOrDefault("model name", "unknown CPU");
        string vendor = info.GetValueOrDefault("vendor_id", "");
        int family = ParseInt(info.GetValueOrDefault("cpu family"));
        int modelNumber = ParseInt(info.GetValueOrDefault("model"));
        bool avx512 = info.GetValueOrDefault("flags", "").Split(' ').Contains("avx512f");
        int siblings = Math.Max(1, ParseInt(info.GetValueOrDefault("siblings")));
        int coresPerPackage = Math.Max(1, ParseInt(info.GetValueOrDefault("cpu cores")));
        int threadsPerCore = Math.Max(1, siblings / coresPerPackage);
        int cores = Math.Max(1, Environment.ProcessorCount / threadsPerCore);
        var (arch, datapath) = Classify(vendor, family, modelNumber, avx512);
        var (clock, source) = Clock(info);
        return new MachinePeak(model, arch, cores, 2, datapath, clock, source);
    }

    /// <summary>
    /// AMD family 19h models 10h–1Fh, 60h–7Fh, A0h–AFh are Zen 4: AVX-512 is executed on 256-bit units (a 512-bit FMA
    /// takes both halves), so 2 pipes × 8 float32 lanes either way. Family 1Ah is Zen 5 (512-bit datapath on server
    /// and desktop parts). Other AMD: 256-bit. Intel with AVX-512 is assumed to have two 512-bit FMA ports.
    /// </summary>
    private static (string Arch, int DatapathBits) Classify(string vendor, int family, int model, bool avx512)
    {
        if (vendor == "AuthenticAMD")
        {
            if (family == 0x1A)
                return ($"Zen 5 (family 0x1A, model 0x{model:X}), AVX-512 on a 512-bit datapath", avx512 ? 512 : 256);
            if (family == 0x19 && (model is >= 0x10 and <= 0x1F or >= 0x60 and <= 0x7F or >= 0xA0 and <= 0xAF))
                return ($"Zen 4 (family 0x19, model 0x{model:X}), AVX-512 double-pumped on 256-bit units", 256);
            return ($"AMD family 0x{family:X} model 0x{model:X}", 256);
        }
        return avx512 ? ($"{vendor} with AVX-512 (assumed two 512-bit FMA ports)", 512) : ($"{vendor} (assumed two 256-bit FMA ports)", 256);
    }

    private static (double GHz, string Source) Clock(Dictionary<string, string> info)
    {
        const string maxFreq = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq";
        try
        {
            if (File.Exists(maxFreq) && double.TryParse(File.ReadAllText(maxFreq).Trim(), CultureInfo.InvariantCulture, out var khz))
                return (khz / 1e6, "cpuinfo_max_freq");
        }
        catch (IOException)
        {
        }
        if (double.TryParse(info.GetValueOrDefault("cpu MHz"), CultureInfo.InvariantCulture, out var mhz))
            return (mhz / 1e3, "/proc/cpuinfo 'cpu MHz' (no cpufreq here; boost clocks may be higher)");
        return (3.0, "assumed 3 GHz (no clock found)");
    }

    private static Dictionary<string, string> ReadCpuInfo()
    {
        var result = new Dictionary<string, string>();
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.Length == 0)
                    break; // first processor only
                int colon = line.IndexOf(':');
                if (colon > 0)
                    result.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return result;
    }

    private static int ParseInt(string? s) => int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
