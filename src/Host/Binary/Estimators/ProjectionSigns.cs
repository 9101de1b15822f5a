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
        var drive = new double[mp];
        for (int t = 0; t < transitions; t++)
        {
            var next = plan.Sequences.Pattern(network, plan.Sequences.Successor(t));
            for (int i = 0; i < mp; i += lanes)
            {
                var sum = Vector<double>.Zero;
                for (int k = 0; k < n; k++)
                    sum += new Vector<double>(pT.AsSpan(k * mp + i)) * new Vector<double>((double)next[k]);
                sum.CopyTo(drive.AsSpan(i));
            }
            for (int i = 0; i < m; i++)
                signs[t * m + i] = drive[i] >= 0 ? (sbyte)1 : (sbyte)-1;
        }
        return signs;
    }

    /// <summary>The length of Pᵀ: N × M rounded up to whole Vector&lt;double&gt;s.</summary>
    public static int ProjectionLength(TrainingPlan plan)
    {
        int lanes = Vector<double>.Count;
        return plan.N * ((plan.Hidden + lanes - 1) / lanes * lanes);
    }
}
