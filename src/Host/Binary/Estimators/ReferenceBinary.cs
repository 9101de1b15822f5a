namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The scalar float64 oracle for binary sequence networks: one network at a time, one transition at a time, sums in
/// index order, written to be read against docs/explanations/binary-margin-rule.md. Bit-identity with faster backends is promised on the dyadic grid
/// (zero initial weights, η = 2^−p, κ/η an integer), where every sum is exact.
/// </summary>
internal sealed partial class ReferenceBinary : IBinaryEstimator
{
    public Backend Backend => Backend.Reference;

    public TrainingResult Train(TrainingPlan plan)
    {
        int b = plan.Networks, n = plan.N, m = plan.Hidden;
        bool hiddenWeights = plan.HasHiddenLayer;
        bool visibleWeights = plan.Options.Variant is NetworkVariant.VisiblePerceptron or NetworkVariant.Hebbian;
        var u = new double[hiddenWeights ? b * m * n : 0];
        var v = new double[hiddenWeights ? b * n * m : 0];
        var w = new double[visibleWeights ? b * n * n : 0];
        var hiddenBias = new double[b * m];
        var visibleBias = new double[b * n];
        var epochs = new int[b];
        var converged = new bool[b];
        var hiddenGated = new double[b][];
        var visibleGated = new double[b][];
        var minHidden = new double[b];
        var minVisible = new double[b];
        for (int net = 0; net < b; net++)
        {
            var weights = new LayerWeights(new double[u.Length / b], new double[v.Length / b], new double[w.Length / b], new double[m], new double[n]);
            var stats = plan.Options.Variant switch
            {
                NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly => TrainHidden(plan, net, weights),
                NetworkVariant.VisiblePerceptron => TrainVisible(plan, net, weights),
                NetworkVariant.Hebbian => Hebbian(plan, net, weights),
                _ => StoreHopfield(plan, net, weights),
            };
            weights.U.AsSpan().CopyTo(u.AsSpan(weights.U.Length * net));
            weights.V.AsSpan().CopyTo(v.AsSpan(weights.V.Length * net));
            weights.W.AsSpan().CopyTo(w.AsSpan(weights.W.Length * net));
            weights.HiddenBias.AsSpan().CopyTo(hiddenBias.AsSpan(weights.HiddenBias.Length * net));
            weights.VisibleBias.AsSpan().CopyTo(visibleBias.AsSpan(weights.VisibleBias.Length * net));
            epochs[net] = stats.HiddenGated.Count;
            converged[net] = stats.Converged;
            hiddenGated[net] = [.. stats.HiddenGated];
            visibleGated[net] = [.. stats.VisibleGated];
            minHidden[net] = stats.MinHiddenMargin;
            minVisible[net] = stats.MinVisibleMargin;
        }
        return new TrainingResult(plan.Sequences, plan.Options, m, Backend, u, v, w, hiddenBias, visibleBias,
            epochs, converged, hiddenGated, visibleGated, minHidden, minVisible);
    }

    /// <summary>One network's weights while it trains (row-major U: M×N, V: N×M, W: N×N).</summary>
    private sealed record LayerWeights(double[] U, double[] V, double[] W, double[] HiddenBias, double[] VisibleBias);

    /// <summary>Per-epoch gate fractions and the end state of one network's training.</summary>
    private sealed record EpochStats(List<double> HiddenGated, List<double> VisibleGated, bool Converged, double MinHiddenMargin, double MinVisibleMargin);
}
