namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The production CPU path for binary sequence networks: networks spread over cores. The batch schedule from zero
/// weights learns on integer counts with Gram-matrix field updates (<see cref="GramLayer"/>); the online schedule and
/// random initial weights train in float32 with Vector&lt;float&gt; row kernels (<see cref="RowLearner"/>). On the dyadic grid (zero initial weights, η = 2^−p, κ/η an
/// integer) every float32 sum is exact, so weights, gates and recall equal the Reference bit for bit; otherwise they agree
/// up to float32 rounding. Hebbian and Long Sequence Hopfield are one-shot stores with no learning loop to speed up:
/// their training is the Reference's.
/// </summary>
internal sealed partial class SimdBinary : IBinaryEstimator
{
    private readonly ReferenceBinary oneShot = new();

    public Backend Backend => Backend.Simd;

    public TrainingResult Train(TrainingPlan plan)
    {
        var variant = plan.Options.Variant;
        if (variant is not (NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly or NetworkVariant.VisiblePerceptron))
            return Relabel(oneShot.Train(plan));
        bool hidden = plan.HasHiddenLayer;
        var networks = new TrainedNetworks(plan, hiddenWeights: hidden, visibleWeights: !hidden);
        // One scratch per worker thread: the batch-from-zero path reuses its buffers from network to network.
        Parallel.For(0, plan.Networks, () => new GramScratch(plan), (net, _, scratch) =>
        {
            var s = hidden ? TrainHidden(plan, net, scratch) : TrainVisible(plan, net, scratch);
            networks.StoreWeights(net, s.U, s.V, s.W, s.HiddenBias, s.VisibleBias);
            // The margins read this network's stored slices.
            var margins = scratch.Margins.Of(net, networks.U, networks.V, networks.W, networks.HiddenBias, networks.VisibleBias, s.Signs);
            networks.StoreStatistics(net, s.VisibleGated.Count, s.HiddenGated, s.VisibleGated, s.Converged, margins);
            return scratch;
        }, _ => { });
        return networks.Result(Backend);
    }

    private TrainingResult Relabel(TrainingResult r) => new(r.Sequences, r.Options, r.Hidden, Backend, r.U, r.V, r.W, r.HiddenBias, r.VisibleBias,
        r.Epochs, r.Converged,
        [.. Enumerable.Range(0, r.Networks).Select(b => r.HiddenGateFraction(b).ToArray())],
        [.. Enumerable.Range(0, r.Networks).Select(b => r.VisibleGateFraction(b).ToArray())],
        r.MinHiddenMargin, r.MinVisibleMargin);

    private static void Widen(float[] source, double[] target, int offset)
    {
        for (int i = 0; i < source.Length; i++)
            target[offset + i] = source[i];
    }
}
