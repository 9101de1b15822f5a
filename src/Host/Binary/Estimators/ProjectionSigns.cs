using System.Numerics;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// <see cref="HiddenTargetSigns.Create"/> for the random-projection targets, bit for bit: the same N(0,1) draws of P at
/// counters i·N + k, stored transposed so that the hidden units run along Vector&lt;double&gt; lanes, each lane forming
/// Σ_k P_ik ξ_k(t+1) with a separate multiply and add in index order as the scalar loop does. The other target kinds
/// (one-hot, sparse) are <see cref="HiddenTargetSigns.Create"/>'s own.
/// </summary>
internal static class ProjectionSigns
{
    /// <param name="projection">
    /// Scratch for Pᵀ of at least <see cref="ProjectionLength"/> values that a thread keeps from network to network
    /// (every real entry is overwritten), or null for a fresh one.
    /// </param>
    public static sbyte[] Create(TrainingPlan plan, int network, double[]? projection = null)
    {
        if (plan.Options.Targets != HiddenTargets.RandomProjection)
            return HiddenTargetSigns.Create(plan, network);
        int m = plan.Hidden, n = plan.N, transitions = plan.Transitions, lanes = Vector<double>.Count;
        int mp = (m + lanes - 1) / lanes * lanes;
        ulong stream = CounterRandom.Stream(network, CounterRandom.Purpose.HiddenProjection);
        var pT = projection ?? new double[ProjectionLength(plan)];
        // The padding units m..Mp of a reused buffer keep old values: they only feed drive lanes that are never read.
        for (int i = 0; i < m; i++)
            for (int k = 0; k < n; k++)
                pT[k * mp + i] = CounterRandom.Normal(plan.Options.Seed, stream, (ulong)(i * n + k));
        var signs = new sbyte[transitions * m];
        var next = new double[4 * n];
        // Four successors per pass over Pᵀ (each lane's sum is still its own, k in order); fewer repeat the last one.
        for (int t0 = 0; t0 < transitions; t0 += 4)
        {
            int count = Math.Min(4, transitions - t0);
            for (int q = 0; q < count; q++)
            {
                var pattern = plan.Sequences.Pattern(network, plan.Sequences.Successor(t0 + q));
                for (int k = 0; k < n; k++)
                    next[q * n + k] = pattern[k];
            }
            int q1 = Math.Min(1, count - 1) * n, q2 = Math.Min(2, count - 1) * n, q3 = Math.Min(3, count - 1) * n;
            for (int i = 0; i < mp; i += lanes)
            {
                Vector<double> s0 = Vector<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
                for (int k = 0; k < n; k++)
                {
                    var p = new Vector<double>(pT.AsSpan(k * mp + i));
                    s0 += p * new Vector<double>(next[k]);
                    s1 += p * new Vector<double>(next[q1 + k]);
                    s2 += p * new Vector<double>(next[q2 + k]);
                    s3 += p * new Vector<double>(next[q3 + k]);
                }
                Store(signs, t0, count, m, i, s0, s1, s2, s3);
            }
        }
        return signs;
    }

    /// <summary>The signs of units i… (real ones only) of transitions t0 … t0 + count − 1.</summary>
    private static void Store(sbyte[] signs, int t0, int count, int m, int i, Vector<double> s0, Vector<double> s1, Vector<double> s2, Vector<double> s3)
    {
        for (int lane = 0; lane < Vector<double>.Count && i + lane < m; lane++)
        {
            for (int q = 0; q < count; q++)
            {
                double drive = q switch { 0 => s0[lane], 1 => s1[lane], 2 => s2[lane], _ => s3[lane] };
                signs[(t0 + q) * m + i + lane] = drive >= 0 ? (sbyte)1 : (sbyte)-1;
            }
        }
    }

    /// <summary>The length of Pᵀ: N × M rounded up to whole Vector&lt;double&gt;s.</summary>
    public static int ProjectionLength(TrainingPlan plan)
    {
        int lanes = Vector<double>.Count;
        return plan.N * ((plan.Hidden + lanes - 1) / lanes * lanes);
    }
}
