using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// When float32 sums of a network's fields are exact in any order: every weight and bias is an integer multiple of
/// 2^e for one e and every row has |bias| + Σ|w| &lt; 2^24·2^e. Then any partial sum of bias and ±w, 0/1·w or ±2w
/// terms is k·2^e with |k| &lt; 2^24, which float32's 24-bit significand holds (and float64's): every float32 sum, fused
/// or not, in any order, equals the Reference's float64 sum. Being float32 values is not enough: 1 + 2^−30 is not one.
/// Such an e exists exactly when e = ilogb(S) − 23 works, S the widest row sum (the largest e the bound allows), so the
/// check is the row sums, taken by <see cref="FloatTranspose"/> that reads every weight anyway, and one vectorised
/// multiple-of-2^e pass. (On the grid the float64 row sums are exact, far below 2^53·2^e; off it this pass fails
/// whatever rounding did to them.)
/// </summary>
internal static class ExactSums
{
    /// <summary>True when every value is an integer multiple of 2^e, e = ilogb(widest) − 23 (all zero: true).</summary>
    public static bool OnGrid(double widest, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias)
    {
        if (widest == 0)
            return true;
        if (!double.IsFinite(widest))
            return false;
        // |v|·2^−e < 2^24: the scaling is exact, and an integer stays one.
        double scale = Math.ScaleB(1.0, 23 - Math.ILogB(widest));
        return Multiples(weights, scale) && Multiples(bias, scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Multiples(ReadOnlySpan<double> values, double scale)
    {
        var s = new Vector<double>(scale);
        int i = 0;
        for (; i + Vector<double>.Count <= values.Length; i += Vector<double>.Count)
        {
            var t = new Vector<double>(values[i..]) * s;
            if (!Vector.EqualsAll(Vector.Floor(t), t))
                return false;
        }
        for (; i < values.Length; i++)
            if (Math.Floor(values[i] * scale) != values[i] * scale)
                return false;
        return true;
    }
}
