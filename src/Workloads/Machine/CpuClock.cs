using System.Globalization;
using System.Text.RegularExpressions;

namespace FastAttractors.Bench.Machine;

/// <summary>
/// The clock the peak assumes, with where it came from. In order: cpufreq's maximum (the boost clock, the highest the
/// cores may run), cpuinfo's "cpu MHz" (the current clock; in a guest without cpufreq, often the base clock), the
/// "@ 2.10GHz" of the model name (the base clock), else 3 GHz, marked as assumed.
/// </summary>
internal sealed record CpuClock(double GHz, string Source, bool Assumed)
{
    public const string MaxFrequencyPath = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq";

    public const double AssumedGHz = 3.0;

    /// <summary>This machine's clock: cpufreq read here, the rest from <paramref name="cpu"/>.</summary>
    public static CpuClock Detect(CpuInfo cpu) => From(ReadMaxFrequency(), cpu);

    /// <param name="maxFrequencyKHz">the text of cpuinfo_max_freq (kHz), or null where there is none.</param>
    public static CpuClock From(string? maxFrequencyKHz, CpuInfo cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (double.TryParse(maxFrequencyKHz?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var khz) && khz > 0)
            return new(khz / 1e6, "cpufreq cpuinfo_max_freq", false);
        if (cpu.MegaHertz is { } mhz)
            return new(mhz / 1e3, "/proc/cpuinfo cpu MHz; no cpufreq here, a boost clock may be higher", false);
        var named = Regex.Match(cpu.ModelName, @"@\s*([0-9]+(?:\.[0-9]+)?)\s*GHz", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (named.Success && double.TryParse(named.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ghz) && ghz > 0)
            return new(ghz, "the model name's base clock; a boost clock may be higher", false);
        return new(AssumedGHz, "assumed: no cpufreq, no cpu MHz, no clock in the model name", true);
    }

    private static string? ReadMaxFrequency()
    {
        try
        {
            return File.Exists(MaxFrequencyPath) ? File.ReadAllText(MaxFrequencyPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
