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
        bool visibleWeights = plan.Options.Variant is NetworkVariant.VisiblePerceptron or NetworkVariant.Hebbian;
        var networks = new TrainedNetworks(plan, plan.HasHiddenLayer, visibleWeights);
        for (int net = 0; net < b; net++)
        {
            var weights = new LayerWeights(new double[networks.U.Length / b], new double[networks.V.Length / b], new double[networks.W.Length / b],
                new double[m], new double[n]);
            var stats = plan.Options.Variant switch
            {
                NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly => TrainHidden(plan, net, weights),
                NetworkVariant.VisiblePerceptron => TrainVisible(plan, net, weights),
                NetworkVariant.Hebbian => Hebbian(plan, net, weights),
                _ => StoreHopfield(plan, net, weights),
            };
            networks.StoreWeights(net, weights.U, weights.V, weights.W, weights.HiddenBias, weights.VisibleBias);
            networks.StoreStatistics(net, stats.HiddenGated.Count, stats.HiddenGated, stats.VisibleGated, stats.Converged,
                (stats.MinHiddenMargin, stats.MinVisibleMargin));
        }
        return networks.Result(Backend);
    }

    /// <summary>One network's weights while it trains (row-major U: M×N, V: N×M, W: N×N).</summary>
    private sealed record LayerWeights(double[] U, double[] V, double[] W, double[] HiddenBias, double[] VisibleBias);

    /// <summary>Per-epoch gate fractions and the end state of one network's training.</summary>
    private sealed record EpochStats(List<double> HiddenGated, List<double> VisibleGated, bool Converged, double MinHiddenMargin, double MinVisibleMargin);
}
