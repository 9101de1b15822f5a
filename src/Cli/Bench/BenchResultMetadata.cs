using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// The "meta" object of bench.json. A bench row is one workload on one backend, so backend and precision are listed
/// per workload and backend rather than as one value; each row names its workload, backend and ensemble size. Times
/// are wall-clock seconds; throughput is per second in each row's unit.
/// </summary>
internal static class BenchResultMetadata
{
    public static ResultMetadata Of(BenchReport report)
    {
        string backends = string.Join(",", report.Rows.Select(r => r.Backend.ToString()).Distinct());
        var precisions = report.Rows.Select(r => r.Case).DistinctBy(c => c.Id).Select(c => $"{c.Id}={PrecisionOf(c, report.Size)}").ToArray();
        return new ResultMetadata($"bench --size {report.Size.ToString().ToLowerInvariant()}", backends,
                string.Join(",", precisions.Select(p => p.Split('=')[1]).Distinct()), "seconds (wall clock)")
            .Setting("precision_by_workload", string.Join(",", precisions))
            .Setting("per_row_fields", "workload,backend,members,ran")
            .Setting("workloads", string.Join(",", report.Rows.Select(r => r.Case.Id).Distinct()))
            .Unit("warmupSeconds", "seconds").Unit("medianSeconds", "seconds").Unit("secondsForAll", "seconds")
            .Unit("throughput", "rows[].unit").Unit("gflops", "1e9 floating-point operations per second")
            .Unit("maxDeviationFromReference", "the workload's output units");
    }

    /// <summary>The precision a case's timed runs use (the Reference cross-check is float64 throughout).</summary>
    private static string PrecisionOf(BenchCase c, BenchSize size) => c switch
    {
        IntegrateCase => "float32",
        LyapunovCase l => l.Options(size).Precision == Precision.Float32 ? "float32" : "float64",
        ScanCase => "float32",
        SequenceCase or SequenceRecallCase => "float64",
        _ => "unknown",
    };
}
