using System.Reflection;
using System.Runtime.InteropServices;

namespace FastAttractors.Cli.Bench;

/// <summary>A finished bench run: its rows and everything a reader needs to judge them (versions, load, peaks).</summary>
internal sealed record BenchReport(
    DateTime StartedUtc,
    BenchSize Size,
    int Runs,
    IReadOnlyList<BenchRow> Rows,
    string LoadBefore,
    string LoadAfter)
{
    public static string FastAttractorsVersion { get; } =
        typeof(Engine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(Engine).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string IlgpuVersion { get; } = typeof(ILGPU.Context).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string Runtime { get; } = RuntimeInformation.FrameworkDescription;

    public static string OperatingSystem { get; } = RuntimeInformation.OSDescription;

    /// <summary>The machine line: vendor, model, family/model, Vector&lt;T&gt; width in use, FMA ports, clock, cores and the peak assumed.</summary>
    public static string Machine => FastAttractors.Bench.MachinePeak.Current.Describe();

    /// <summary>Every device a row ran on, once.</summary>
    public IReadOnlyList<BenchDevice> Devices => Rows.Select(r => r.Device).OfType<BenchDevice>().DistinctBy(d => d.Backend).ToList();

    /// <summary>True when every row ran and agreed with Reference.</summary>
    public bool AllOk => Rows.All(r => r.Status == RowStatus.Ok);

    /// <summary>The 1-, 5- and 15-minute load averages and the core count: the machine may be shared, and the reader should know.</summary>
    public static string Load()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average {fields[0]} / {fields[1]} / {fields[2]} on {Environment.ProcessorCount} logical CPUs";
        }
        catch (IOException)
        {
            return $"load average unknown on {Environment.ProcessorCount} logical CPUs";
        }
        catch (UnauthorizedAccessException)
        {
            return $"load average unknown on {Environment.ProcessorCount} logical CPUs";
        }
    }
}
