namespace FastAttractors.Cli.Scan;

/// <summary>
/// Scan rows held by column, in file order: <c>row, point, member, &lt;axes&gt;, seed, lambda_1..k, se_1..k,
/// lambda_sum, kaplan_yorke, positive_sum, sum_rule_residual, contraction, failed_step, status</c>. Each column is
/// a long[], int[], double[] or string[] of <see cref="Rows"/> values.
/// </summary>
internal sealed class ScanTable
{
    public ScanTable(IReadOnlyList<(string Name, Array Values)> columns)
    {
        Columns = columns;
        Rows = columns.Count == 0 ? 0 : columns[0].Values.Length;
        if (columns.Any(c => c.Values.Length != Rows))
            throw new InvalidDataException("scan table: columns of different lengths.");
    }

    public IReadOnlyList<(string Name, Array Values)> Columns { get; }
    public long Rows { get; }

    public Array this[string name] => Columns.FirstOrDefault(c => c.Name == name).Values
        ?? throw new InvalidDataException($"scan table: no column '{name}' (columns: {string.Join(", ", Columns.Select(c => c.Name))}).");

    public long[] RowIndex => (long[])this["row"];

    /// <summary>The column names a plan's rows have, in order.</summary>
    public static string[] ColumnNames(ScanJob plan) =>
    [
        "row", "point", "member", .. plan.Grid.Axes.Select(a => a.Name), "seed",
        .. Enumerable.Range(1, plan.Grid.K).Select(i => $"lambda_{i}"), .. Enumerable.Range(1, plan.Grid.K).Select(i => $"se_{i}"),
        "lambda_sum", "kaplan_yorke", "positive_sum", "sum_rule_residual", "contraction", "failed_step", "status",
    ];

    /// <summary>The tables' rows one after another, then sorted by row index; all must have the same columns.</summary>
    public static ScanTable Concat(IReadOnlyList<ScanTable> parts, string[] names)
    {
        foreach (var part in parts)
        {
            if (!part.Columns.Select(c => c.Name).SequenceEqual(names))
                throw new InvalidDataException($"columns {string.Join(",", part.Columns.Select(c => c.Name))} differ from {string.Join(",", names)}.");
        }
        long total = parts.Sum(p => p.Rows);
        var rows = parts.SelectMany(p => p.RowIndex).ToArray();
        var order = Enumerable.Range(0, (int)total).ToArray();
        Array.Sort(rows.ToArray(), order);
        var columns = new List<(string, Array)>();
        for (int c = 0; c < names.Length; c++)
        {
            var first = parts.Count > 0 ? parts[0].Columns[c].Values : Array.Empty<long>();
            var joined = Array.CreateInstance(first.GetType().GetElementType()!, total);
            long at = 0;
            foreach (var part in parts)
            {
                Array.Copy(part.Columns[c].Values, 0, joined, at, part.Rows);
                at += part.Rows;
            }
            var sorted = Array.CreateInstance(joined.GetType().GetElementType()!, total);
            for (int i = 0; i < total; i++)
                sorted.SetValue(joined.GetValue(order[i]), i);
            columns.Add((names[c], sorted));
        }
        return new ScanTable(columns);
    }
}
