using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// The metadata of a scan file. A scan's members are its rows: each row's own parameters are its axis columns (α and
/// θ, or g) and its seed column, named in the setting "per_member_columns"; what all rows share (dimension, step,
/// times, seed of the scan) are shared parameters. Units: exponents and their sums per time unit (flows) or per
/// iteration (the rotation map).
/// </summary>
internal static class ScanResultMetadata
{
    public static ResultMetadata Of(ScanJob plan, string backend)
    {
        var spec = plan.Spec;
        string rate = plan.Grid.IsMap ? ResultMetadata.MapRate : ResultMetadata.FlowRate;
        var meta = new ResultMetadata("scan", backend, spec.Precision!, plan.Grid.IsMap ? ResultMetadata.MapTime : ResultMetadata.FlowTime)
            .Setting("family", plan.Family)
            .Setting("per_member_columns", string.Join(",", PerMemberColumns(plan)))
            .Shared("n", (long)plan.Grid.N).Shared("members_per_point", (long)plan.Grid.Members).Shared("scan_seed", spec.Seed!.Value)
            .Shared("x0_std", spec.X0Std!.Value).Shared("transient", spec.Transient!.Value).Shared("duration", spec.Duration!.Value)
            .Shared("every", (long)spec.Every!.Value);
        if (spec.Dt is { } dt && !plan.Grid.IsMap)
            meta.Shared("dt", dt);
        if (spec.Connectivity is { } connectivity && !plan.Grid.IsRotation)
            meta.Shared("connectivity", connectivity);
        for (int i = 1; i <= plan.Grid.K; i++)
            meta.Unit($"lambda_{i}", rate).Unit($"se_{i}", rate);
        foreach (var column in new[] { "lambda_sum", "positive_sum", "sum_rule_residual", "contraction" })
            meta.Unit(column, rate);
        meta.Unit("kaplan_yorke", "dimensionless (state-space dimension)").Unit("failed_step", "steps");
        foreach (var axis in plan.Grid.Axes)
            meta.Unit(axis.Name, axis.Name == "theta" ? "radians" : "dimensionless");
        return meta;
    }

    /// <summary>The columns holding each row's own parameters: the axes and the row's seed.</summary>
    public static IEnumerable<string> PerMemberColumns(ScanJob plan) => [.. plan.Grid.Axes.Select(a => a.Name), "seed"];
}
