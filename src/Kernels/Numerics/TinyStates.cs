namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// The kernels' side of the tiny-state flush of the Simd path: a committed state component of magnitude below 2⁻¹⁰⁰⁰
/// (float64) or 2⁻¹⁰⁰ (float32) becomes 0, so every backend but Reference steps a decaying state the same way. GPUs
/// run subnormal arithmetic at full speed, so here the flush is for agreement between backends, not for speed; it
/// moves a component by less than its threshold (see the Simd path's TinyFlush for what that changes).
/// </summary>
public static class TinyStates
{
    private const double Float64Threshold = 9.332636185032189e-302; // 2^-1000
    private const double Float32Threshold = 7.888609052210118e-31; // 2^-100

    /// <summary>0 where |x| is below the precision's threshold, else x; NaN and ±∞ pass through.</summary>
    public static T Flush<T>(T x) where T : unmanaged, IReal<T>
    {
        // float32 cannot hold 2^-1000: it rounds to 0, which tells the precision apart without a type test (which
        // ILGPU kernels cannot compile).
        double threshold = T.FromDouble(Float64Threshold).ToDouble() != 0 ? Float64Threshold : Float32Threshold;
        double value = x.ToDouble();
        return value < threshold && value > -threshold ? T.FromDouble(0) : x;
    }
}
