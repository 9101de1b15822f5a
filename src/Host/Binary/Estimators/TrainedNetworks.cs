namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The flat network-major arrays a <see cref="TrainingResult"/> holds (layouts there), filled one network at a time
/// as each finishes training. Each network writes only its own slices, so a parallel loop fills one instance without
/// locks. Matrices a variant does not use are empty.
/// </summary>
internal sealed class TrainedNetworks
{
    private readonly TrainingPlan plan;
    private readonly Statistics[] statistics;

    /// <summary>The layers of every network, network-major: U (M×N), V (N×M), W (N×N), then M hidden and N visible biases.</summary>
    public readonly double[] U, V, W, HiddenBias, VisibleBias;

    /// <param name="plan">The training the networks come from.</param>
    /// <param name="hiddenWeights">Whether U and V are learned or stored.</param>
    /// <param name="visibleWeights">Whether W is.</param>
    public TrainedNetworks(TrainingPlan plan, bool hiddenWeights, bool visibleWeights)
    {
        this.plan = plan;
        int b = plan.Networks, n = plan.N, m = plan.Hidden;
        U = new double[hiddenWeights ? b * m * n : 0];
        V = new double[hiddenWeights ? b * n * m : 0];
        W = new double[visibleWeights ? b * n * n : 0];
        HiddenBias = new double[b * m];
        VisibleBias = new double[b * n];
        statistics = new Statistics[b];
    }

    /// <summary>Copies network <paramref name="net"/>'s layers into its slices; each span holds one network's share (empty where unused).</summary>
    public void StoreWeights(int net, ReadOnlySpan<double> u, ReadOnlySpan<double> v, ReadOnlySpan<double> w,
        ReadOnlySpan<double> hiddenBias, ReadOnlySpan<double> visibleBias)
    {
        u.CopyTo(U.AsSpan(u.Length * net));
        v.CopyTo(V.AsSpan(v.Length * net));
        w.CopyTo(W.AsSpan(w.Length * net));
        hiddenBias.CopyTo(HiddenBias.AsSpan(hiddenBias.Length * net));
        visibleBias.CopyTo(VisibleBias.AsSpan(visibleBias.Length * net));
    }

    /// <summary>Network <paramref name="net"/>'s epochs, per-epoch gate fractions, convergence and final minimum margins.</summary>
    public void StoreStatistics(int net, int epochCount, IEnumerable<double> hiddenGates, IEnumerable<double> visibleGates, bool hasConverged,
        (double Hidden, double Visible) minMargins)
    {
        statistics[net] = new(epochCount, hasConverged, [.. hiddenGates], [.. visibleGates], minMargins.Hidden, minMargins.Visible);
    }

    /// <summary>The result, once every network is stored.</summary>
    public TrainingResult Result(Backend backend) =>
        new(plan.Sequences, plan.Options, plan.Hidden, backend, U, V, W, HiddenBias, VisibleBias,
            [.. statistics.Select(s => s.Epochs)], [.. statistics.Select(s => s.Converged)],
            [.. statistics.Select(s => s.HiddenGated)], [.. statistics.Select(s => s.VisibleGated)],
            [.. statistics.Select(s => s.MinHiddenMargin)], [.. statistics.Select(s => s.MinVisibleMargin)]);

    private readonly record struct Statistics(int Epochs, bool Converged, double[] HiddenGated, double[] VisibleGated,
        double MinHiddenMargin, double MinVisibleMargin);
}
