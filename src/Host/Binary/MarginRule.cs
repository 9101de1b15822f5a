namespace FastAttractors.Binary;

/// <summary>
/// The gated margin perceptron (docs/explanations/binary-margin-rule.md) for one layer and one input: row j's gate opens when κ − s_j (w_j·x + b_j) &gt; 0
/// (H(0) = 0, so a margin of exactly κ is enough), and then Δw_j = η s_j x, Δb_j = η s_j. Sums run in index order.
/// Pass the weights themselves as the update targets for the online schedule, accumulators for the batch schedule.
/// </summary>
internal static class MarginRule
{
    /// <returns>The number of rows whose gate opened.</returns>
    public static int Apply(ReadOnlySpan<double> w, ReadOnlySpan<double> bias, ReadOnlySpan<double> x, ReadOnlySpan<sbyte> target,
        double kappa, double eta, bool learnBias, Span<double> dw, Span<double> dbias)
    {
        int cols = x.Length, gated = 0;
        for (int j = 0; j < target.Length; j++)
        {
            double field = bias[j];
            for (int k = 0; k < cols; k++)
                field += w[j * cols + k] * x[k];
            if (kappa - target[j] * field <= 0)
                continue;
            gated++;
            double step = eta * target[j];
            for (int k = 0; k < cols; k++)
                dw[j * cols + k] += step * x[k];
            if (learnBias)
                dbias[j] += step;
        }
        return gated;
    }

    /// <summary>min_j s_j (w_j·x + b_j) / ‖(w_j, b_j)‖ over the rows of one input; a zero row counts as margin 0.</summary>
    public static double MinNormalisedMargin(ReadOnlySpan<double> w, ReadOnlySpan<double> bias, ReadOnlySpan<double> x, ReadOnlySpan<sbyte> target)
    {
        int cols = x.Length;
        double min = double.PositiveInfinity;
        for (int j = 0; j < target.Length; j++)
        {
            double field = bias[j], norm2 = bias[j] * bias[j];
            for (int k = 0; k < cols; k++)
            {
                field += w[j * cols + k] * x[k];
                norm2 += w[j * cols + k] * w[j * cols + k];
            }
            min = Math.Min(min, norm2 > 0 ? target[j] * field / Math.Sqrt(norm2) : 0);
        }
        return min;
    }
}
