namespace FastAttractors.Binary;

/// <summary>
/// The sign targets s_i(t) of the hidden units (docs/explanations/binary-margin-rule.md), transition-major (Transitions × M). They depend only on
/// the stored successor ξ(t+1) and on P, which is N(0,1) from (seed, Stream(network, HiddenProjection)) at counter i·N + k.
/// </summary>
internal static class HiddenTargetSigns
{
    public static sbyte[] Create(TrainingPlan plan, int network)
    {
        int m = plan.Hidden, n = plan.N, transitions = plan.Transitions;
        var signs = new sbyte[transitions * m];
        if (plan.Options.Targets == HiddenTargets.OneHot)
        {
            Array.Fill(signs, (sbyte)-1);
            for (int t = 0; t < transitions; t++)
                signs[t * m + t] = 1;
            return signs;
        }
        var p = Projection(plan.Options.Seed, network, m, n);
        var drive = new double[m];
        for (int t = 0; t < transitions; t++)
        {
            var next = plan.Sequences.Pattern(network, plan.Sequences.Successor(t));
            for (int i = 0; i < m; i++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                    sum += p[i * n + k] * next[k];
                drive[i] = sum;
            }
            var row = signs.AsSpan(t * m, m);
            if (plan.Options.Targets == HiddenTargets.RandomProjection)
                for (int i = 0; i < m; i++)
                    row[i] = drive[i] >= 0 ? (sbyte)1 : (sbyte)-1;
            else
                MarkLargest(drive, ActiveCount(plan.Options.Activity, m), row);
        }
        return signs;
    }

    /// <summary>round(f·M), at least one unit so that every transition has a non-empty code.</summary>
    public static int ActiveCount(double activity, int m) => Math.Max(1, (int)Math.Round(activity * m, MidpointRounding.AwayFromZero));

    public static double[] Projection(ulong seed, int network, int m, int n)
    {
        var p = new double[m * n];
        ulong stream = CounterRandom.Stream(network, CounterRandom.Purpose.HiddenProjection);
        for (int i = 0; i < p.Length; i++)
            p[i] = CounterRandom.Normal(seed, stream, (ulong)i);
        return p;
    }

    private static void MarkLargest(double[] drive, int active, Span<sbyte> row)
    {
        // A stable sort by descending drive breaks ties towards the lower index, as documented on SparseProjection.
        var order = Enumerable.Range(0, drive.Length).OrderByDescending(i => drive[i]).ThenBy(i => i).ToArray();
        row.Fill(-1);
        for (int r = 0; r < active; r++)
            row[order[r]] = 1;
    }
}
