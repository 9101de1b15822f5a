namespace FastAttractors.Cli.Scan;

/// <summary>The rows of a library <see cref="ScanResult"/> as the columns of a scan file (<see cref="ScanTable"/>).</summary>
internal static class ScanTables
{
    public static ScanTable Of(ScanResult result)
    {
        var plan = result.Plan;
        int k = result.K, count = result.Count;
        var columns = new List<(string, Array)>
        {
            ("row", result.Rows),
            ("point", result.Points),
            ("member", result.MemberIndices),
        };
        for (int a = 0; a < plan.Axes.Count; a++)
            columns.Add((plan.Axes[a].Name, result.Parameter(a)));
        columns.Add(("seed", result.Seeds));
        for (int i = 0; i < k; i++)
            columns.Add(($"lambda_{i + 1}", Column(result.Exponents, i, k, count)));
        for (int i = 0; i < k; i++)
            columns.Add(($"se_{i + 1}", Column(result.StandardErrors, i, k, count)));
        columns.Add(("lambda_sum", result.ExponentSum));
        columns.Add(("kaplan_yorke", result.KaplanYorkeDimension));
        columns.Add(("positive_sum", result.PositiveSum));
        columns.Add(("sum_rule_residual", result.SumRuleResidual));
        columns.Add(("contraction", result.Contraction));
        columns.Add(("failed_step", result.FailedStep));
        columns.Add(("status", result.Status.Select(StatusName).ToArray()));
        return new ScanTable(columns);
    }

    /// <summary>The status column's words (a hyphen, unlike the spectrum tables' "not converged": one token per cell).</summary>
    public static string StatusName(LyapunovStatus status) => status switch
    {
        LyapunovStatus.Ok => "ok",
        LyapunovStatus.Diverged => "diverged",
        _ => "not-converged",
    };

    /// <summary>Exponent <paramref name="i"/> of every row, from k per row, row-major.</summary>
    private static double[] Column(double[] values, int i, int k, int count)
    {
        var column = new double[count];
        for (int m = 0; m < count; m++)
            column[m] = values[m * k + i];
        return column;
    }
}
