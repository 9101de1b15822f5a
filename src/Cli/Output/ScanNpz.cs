using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Output;

/// <summary>A scan table as .npz (numpy-only fallback): one 1-D array per column; status as int32 0 ok / 1 diverged / 2 not converged.</summary>
internal static class ScanNpz
{
    public static string Write(string path, ScanPlan plan, ScanTable table)
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
        npz.Add("grid_shape", plan.Axes.Select(a => (long)a.Count).Append(plan.Members).ToArray(), plan.Axes.Count + 1);
        npz.Save(path);
        return path;
    }

    private static int Code(string status) => status switch { "ok" => 0, "diverged" => 1, _ => 2 };
}
