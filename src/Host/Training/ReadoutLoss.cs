namespace FastAttractors.Training;

/// <summary>
/// ℓ(y) of one scored entry and ∂ℓ/∂y, shared by the Reference (float64) and batched (float32 states, float64 here)
/// paths so both score exactly the same function.
/// </summary>
internal static class ReadoutLoss
{
    /// <summary>Writes ∂ℓ/∂y into <paramref name="gradient"/> and returns (ℓ, right or wrong).</summary>
    public static (double Loss, bool Correct) CrossEntropy(ReadOnlySpan<double> y, int label, Span<double> gradient)
    {
        // log-sum-exp shifted by the maximum: finite for any finite y.
        double max = double.NegativeInfinity;
        int best = 0;
        for (int k = 0; k < y.Length; k++)
        {
            if (y[k] > max)
            {
                max = y[k];
                best = k;
            }
        }
        double sum = 0;
        for (int k = 0; k < y.Length; k++)
            sum += Math.Exp(y[k] - max);
        double logZ = max + Math.Log(sum);
        for (int k = 0; k < y.Length; k++)
            gradient[k] = Math.Exp(y[k] - logZ) - (k == label ? 1 : 0);
        return (logZ - y[label], best == label);
    }

    public static (double Loss, bool Correct) SquaredError(ReadOnlySpan<double> y, ReadOnlySpan<float> target, Span<double> gradient)
    {
        double loss = 0;
        bool correct = true;
        for (int k = 0; k < y.Length; k++)
        {
            double d = y[k] - target[k];
            loss += 0.5 * d * d;
            gradient[k] = d;
            correct &= Math.Abs(d) < BatchLoss.SquaredErrorTolerance;
        }
        return (loss, correct);
    }

    public static (double Loss, bool Correct) Evaluate(TaskBatch batch, int t, int s, ReadOnlySpan<double> y, Span<double> gradient) =>
        batch.Loss == TaskLoss.CrossEntropy
            ? CrossEntropy(y, batch.Labels[t * batch.Size + s], gradient)
            : SquaredError(y, batch.Target(t, s), gradient);
}
