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
        int b = plan.Networks, n = plan.N, m = plan.Hidden;
        bool hidden = plan.HasHiddenLayer;
        var u = new double[hidden ? b * m * n : 0];
        var v = new double[hidden ? b * n * m : 0];
        var w = new double[hidden ? 0 : b * n * n];
        var hiddenBias = new double[b * m];
        var visibleBias = new double[b * n];
        var epochs = new int[b];
        var converged = new bool[b];
        var hiddenGated = new double[b][];
        var visibleGated = new double[b][];
        var minHidden = new double[b];
        var minVisible = new double[b];
        // One scratch per worker thread: the batch-from-zero path reuses its buffers from network to network.
        Parallel.For(0, b, () => new GramScratch(plan), (net, _, scratch) =>
        {
            var s = hidden ? TrainHidden(plan, net, scratch) : TrainVisible(plan, net, scratch);
            if (hidden)
            {
                s.U.CopyTo(u, net * m * n);
                s.V.CopyTo(v, net * n * m);
            }
            else
            {
                s.W.CopyTo(w, net * n * n);
            }
            s.HiddenBias.CopyTo(hiddenBias, net * m);
            s.VisibleBias.CopyTo(visibleBias, net * n);
            epochs[net] = s.VisibleGated.Count;
            converged[net] = s.Converged;
            hiddenGated[net] = [.. s.HiddenGated];
            visibleGated[net] = [.. s.VisibleGated];
            (minHidden[net], minVisible[net]) = scratch.Margins.Of(net, u, v, w, hiddenBias, visibleBias, s.Signs);
            return scratch;
        }, _ => { });
        return new TrainingResult(plan.Sequences, plan.Options, m, Backend, u, v, w, hiddenBias, visibleBias,
            epochs, converged, hiddenGated, visibleGated, minHidden, minVisible);
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
