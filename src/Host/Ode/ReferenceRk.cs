namespace FastAttractors;

/// <summary>
/// The one Runge–Kutta combine of the float64 Reference estimators (integration, Lyapunov spectra, the adjoint's
/// forward pass), so the oracle sums every stage input and step in the same order.
/// </summary>
internal static class ReferenceRk
{
    /// <summary>
    /// target[i] = origin[from + i] + h Σ_j weights[j] · slopes[j][from + i] for i in [0, length): a stage input
    /// (weights: row s of a) or the step (weights: b). The sum runs in j order from 0, then is scaled by h once.
    /// </summary>
    public static void Combine(double[] origin, double[][] slopes, ReadOnlySpan<double> weights, double h, double[] target, int from, int length)
    {
        for (int i = 0; i < length; i++)
        {
            double sum = 0;
            for (int j = 0; j < weights.Length; j++)
                sum += weights[j] * slopes[j][from + i];
            target[i] = origin[from + i] + h * sum;
        }
    }
}
