namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The end-of-training margins of spec §2 recomputed from the final float64 weights with <see cref="MarginRule"/>, the
/// Reference's arithmetic: once per network, so a fast path reports exactly the Reference's numbers for equal weights.
/// </summary>
internal static class BinaryMargins
{
    /// <summary>(min hidden margin or NaN without a learned hidden layer, min visible margin) of network <paramref name="net"/>.</summary>
    public static (double Hidden, double Visible) Of(TrainingPlan plan, int net, double[] u, double[] v, double[] w, double[] hiddenBias, double[] visibleBias)
    {
        int n = plan.N, m = plan.Hidden;
        var seq = plan.Sequences;
        bool learnU = plan.Options.Variant == NetworkVariant.HiddenUV, hidden = plan.HasHiddenLayer;
        bool zeroOne = plan.Options.HiddenCode == HiddenCode.ZeroOne;
        var s = learnU ? HiddenTargetSigns.Create(plan, net) : [];
        var un = hidden ? u.AsSpan(net * m * n, m * n) : default;
        var vn = hidden ? v.AsSpan(net * n * m, n * m) : default;
        var wn = hidden ? default : w.AsSpan(net * n * n, n * n);
        var bh = hiddenBias.AsSpan(net * m, m);
        var bv = visibleBias.AsSpan(net * n, n);
        var x = new double[n];
        var y = new double[m];
        double minHidden = double.PositiveInfinity, minVisible = double.PositiveInfinity;
        for (int t = 0; t < plan.Transitions; t++)
        {
            var pattern = seq.Pattern(net, t);
            for (int k = 0; k < n; k++)
                x[k] = pattern[k];
            var next = seq.Pattern(net, seq.Successor(t));
            if (!hidden)
            {
                minVisible = Math.Min(minVisible, MarginRule.MinNormalisedMargin(wn, bv, x, next));
                continue;
            }
            if (learnU)
                minHidden = Math.Min(minHidden, MarginRule.MinNormalisedMargin(un, bh, x, s.AsSpan(t * m, m)));
            for (int i = 0; i < m; i++)
            {
                double field = bh[i];
                for (int k = 0; k < n; k++)
                    field += un[i * n + k] * x[k];
                y[i] = field >= 0 ? 1 : zeroOne ? 0 : -1;
            }
            minVisible = Math.Min(minVisible, MarginRule.MinNormalisedMargin(vn, bv, y, next));
        }
        return (learnU ? minHidden : double.NaN, minVisible);
    }
}
