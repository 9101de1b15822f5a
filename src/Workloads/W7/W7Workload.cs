namespace FastAttractors.Bench.W7;

/// <summary>
/// W7 (docs/benchmarks.md): B networks, N = 100 visible, M = 400 hidden, each storing a random periodic sequence of
/// T = 50 distinct ±1 patterns with the main variant (U and V learned, batch schedule) on the dyadic grid
/// (η = 2⁻¹⁰, κ = 1, zero initial weights) so every backend learns the same weights; recall from ξ(1) with 10 flips.
/// </summary>
internal static class W7Workload
{
    public const int N = 100, M = 400, T = 50, Flips = 10;

    public static SequenceBatch Sequences(int networks, ulong seed = 7)
    {
        // Random ±1 patterns; at N = 100 a repeat within 50 patterns has probability ~ 1e−27, and SequenceBatch rejects any that matter.
        var patterns = new sbyte[networks * T * N];
        for (int i = 0; i < patterns.Length; i++)
            patterns[i] = (CounterRandom.Bits(seed, 0, (ulong)i) & 1) == 0 ? (sbyte)1 : (sbyte)-1;
        return new SequenceBatch(patterns, networks, T, N);
    }

    public static TrainingOptions Training(int maxEpochs) => new()
    {
        Variant = NetworkVariant.HiddenUV, Hidden = M, Eta = 1.0 / 1024, Kappa = 1, MaxEpochs = maxEpochs, Schedule = TrainingSchedule.Batch,
    };

    public static RecallOptions Recall(int trials) => new() { FlippedBits = Flips, Trials = trials };

    /// <summary>
    /// Synaptic updates of one training call: per network and epoch, every weight entry is examined once per transition
    /// for its gate, U (M·N) against each ξ(t) and V (N·M) against each hidden state, so 2·M·N·T per epoch. Counted
    /// from the epochs actually run (equal on every backend on the dyadic grid), not from work a backend skipped.
    /// </summary>
    public static double SynapticUpdates(TrainingResult r) => r.Epochs.Sum(e => (double)e) * 2.0 * M * N * T;

    /// <summary>Gates that opened over all epochs and networks (the updates actually made), from the per-epoch fractions.</summary>
    public static double OpenGates(TrainingResult r) => Enumerable.Range(0, r.Networks)
        .Sum(b => r.HiddenGateFraction(b).ToArray().Sum() * M * T + r.VisibleGateFraction(b).ToArray().Sum() * N * T);

    /// <summary>
    /// Network steps of one recall call: T per successful trial (it ran the whole cycle) and 1 per failed trial (at
    /// least one step ran before the mismatch): a lower bound, equal on every backend since outcomes are identical.
    /// </summary>
    public static double RecallSteps(RecallResult r) => r.Success.Sum(s => s ? (double)T : 1.0);
}
