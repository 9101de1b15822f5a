using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Output;

/// <summary>A scan table as .npz (numpy-only fallback): one 1-D array per column; status as int32 0 ok / 1 diverged / 2 not converged.</summary>
internal static class ScanNpz
{
    /// <summary>
    /// The columns as arrays, then param_NAME per row for each row's own parameters (copies of the axis and seed
    /// columns, so every npz result names its per-member parameters alike), the shared ones repeated, and meta_json.
    /// </summary>
    public static string Write(string path, ScanJob plan, ScanTable table, ResultMetadata meta)
    {
        var npz = new NpzWriter();
        foreach (var (name, values) in table.Columns)
        {
            switch (values)
            {
                case long[] l: npz.Add(name, l, l.Length); break;
                case int[] i: npz.Add(name, i, i.Length); break;
                case double[] d: npz.Add(name, d, d.Length); break;
                case string[] s: npz.Add(name, s.Select(Code).ToArray(), s.Length); break;
            }
        }
        npz.Add("grid_shape", plan.Grid.Axes.Select(a => (long)a.Count).Append(plan.Grid.Members).ToArray(), plan.Grid.Axes.Count + 1);
        foreach (var name in ScanResultMetadata.PerMemberColumns(plan))
        {
            switch (table[name])
            {
                case double[] d: npz.Add("param_" + name, d, d.Length); break;
                case long[] l: npz.Add("param_" + name, l, l.Length); break;
            }
        }
        meta.AddTo(npz, checked((int)table.Rows));
        npz.Save(path);
        return path;
    }

    private static int Code(string status) => status switch { "ok" => 0, "diverged" => 1, _ => 2 };
}
