namespace FastAttractors.Adjoint;

/// <summary>
/// |ā| = (Σ ā_i²)^½ for the recorded adjoint norms, scaled by the largest |ā_i| first. Why: vanishing gradients are what
/// these norms are read for, and the plain sum of squares underflows once |ā| is below about 10⁻¹⁵⁴ (its squares leave
/// float64), reporting 0 for a cotangent that is 10⁻²⁰⁰, not 0; it would overflow likewise above 10¹⁵⁴.
/// </summary>
internal static class AdjointNorm
{
    /// <summary>The 2-norm of every <paramref name="stride"/>-th value of <paramref name="a"/> from index 0, <paramref name="count"/> of them; NaN if any is NaN.</summary>
    public static double Of(ReadOnlySpan<double> a, int count, int stride = 1)
    {
        double scale = 0;
        for (int i = 0; i < count; i++)
            scale = Math.Max(scale, Math.Abs(a[i * stride]));
        if (scale == 0 || !double.IsFinite(scale))
            return scale;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            double r = a[i * stride] / scale;
            sum += r * r;
        }
        return scale * Math.Sqrt(sum);
    }
}
