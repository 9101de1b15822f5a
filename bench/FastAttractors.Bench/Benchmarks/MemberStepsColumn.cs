using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>Member-steps per second from the mean time of one Integrate call and the case's members × steps.</summary>
internal sealed class MemberStepsColumn : IColumn
{
    public string Id => nameof(MemberStepsColumn);
    public string ColumnName => "member-steps/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "members × steps / mean time of one Integrate call";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || benchmarkCase.Parameters["Case"] is not BenchCase c)
            return "-";
        return Compare.ResultTable.Sci(c.MemberSteps / (stats.Mean / 1e9));
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
