using System.Globalization;

namespace FastAttractors.Bench.Machine;

/// <summary>
/// The first processor's entry of Linux's /proc/cpuinfo: what identifies the microarchitecture (vendor, family, model,
/// model name), its instruction-set flags and its reported clock. Elsewhere (or when the file cannot be read) every
/// field is empty, and the callers say that they assumed instead.
/// </summary>
internal sealed record CpuInfo(string Vendor, string ModelName, int? Family, int? Model, IReadOnlySet<string> Flags, double? MegaHertz,
    int? Siblings, int? CoresPerPackage)
{
    public const string Path = "/proc/cpuinfo";

    public static CpuInfo Empty { get; } = new("", "", null, null, new HashSet<string>(), null, null, null);

    public bool Known => Vendor.Length > 0 || ModelName.Length > 0;

    /// <summary>Logical CPUs per physical core on this package (2 with SMT), or 1 when cpuinfo does not say.</summary>
    public int ThreadsPerCore => Siblings is > 0 && CoresPerPackage is > 0 && Siblings >= CoresPerPackage ? Siblings.Value / CoresPerPackage.Value : 1;

    /// <summary>This machine's cpuinfo, or <see cref="Empty"/> where there is none (not Linux, a sandbox without /proc).</summary>
    public static CpuInfo Read()
    {
        try
        {
            return File.Exists(Path) ? Parse(File.ReadAllText(Path)) : Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
    }

    /// <summary>Parses the text of /proc/cpuinfo; only the first processor's block is read (every core of a machine is alike here).</summary>
    public static CpuInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (fields.Count > 0)
                    break;
                continue;
            }
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        return new CpuInfo(
            fields.GetValueOrDefault("vendor_id", ""),
            fields.GetValueOrDefault("model name", ""),
            Int(fields.GetValueOrDefault("cpu family")),
            Int(fields.GetValueOrDefault("model")),
            fields.GetValueOrDefault("flags", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            double.TryParse(fields.GetValueOrDefault("cpu MHz"), NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz) && mhz > 0 ? mhz : null,
            Int(fields.GetValueOrDefault("siblings")),
            Int(fields.GetValueOrDefault("cpu cores")));
    }

    private static int? Int(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
