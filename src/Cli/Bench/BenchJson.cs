using System.Text.Json;

namespace FastAttractors.Cli.Bench;

/// <summary>bench.json: the same rows as bench.md, numbers as numbers (null where not measured), for scripts.</summary>
internal static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Render(BenchReport report)
    {
        var document = new
        {
            command = $"bench --size {report.Size.ToString().ToLowerInvariant()}",
            meta = JsonSerializer.Deserialize<JsonElement>(BenchResultMetadata.Of(report).Json()),
            startedUtc = report.StartedUtc.ToString("O"),
            fastAttractors = BenchReport.FastAttractorsVersion,
            runtime = BenchReport.Runtime,
            ilgpu = BenchReport.IlgpuVersion,
            os = BenchReport.OperatingSystem,
            machine = BenchReport.Machine,
            loadBefore = report.LoadBefore,
            loadAfter = report.LoadAfter,
            timedRuns = report.Runs,
            crossCheck = CrossCheck.Measure,
            devices = report.Devices.Select(d => new { backend = d.Backend.ToString(), name = d.Name, version = d.Version, peakGflops = Number(d.Peak.Gflops), peakFormula = d.Peak.Formula }),
            rows = report.Rows.Select(r => new
            {
                workload = r.Case.Id,
                backend = r.Backend.ToString(),
                status = r.Status.ToString().ToLowerInvariant(),
                members = r.Scale.Members,
                ran = r.Scale.Ran,
                extrapolated = r.Scale.Extrapolated,
                warmupSeconds = Number(r.WarmupSeconds),
                medianSeconds = Number(r.Seconds),
                secondsForAll = Number(r.Timed ? r.FullSeconds : double.NaN),
                throughput = Number(r.Throughput),
                unit = r.Case.Unit + "/s",
                speedupOverSimd = Number(r.SpeedupOverSimd),
                speedupOverReference = Number(r.SpeedupOverReference),
                gflops = Number(r.Gflops),
                fractionOfPeak = Number(r.FractionOfPeak),
                maxDeviationFromReference = Number(r.Deviation),
                checkedMembers = r.CheckedMembers,
                tolerance = r.Case.Tolerance,
                note = r.Note,
            }),
        };
        return JsonSerializer.Serialize(document, Options);
    }

    /// <summary>JSON has no NaN or infinity: null for "not measured", and a deviation of +∞ (finite on one side only) as a string.</summary>
    private static object? Number(double v) => double.IsNaN(v) ? null : double.IsInfinity(v) ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : v;
}
