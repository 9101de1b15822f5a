using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Simd;

internal static partial class SimdMath
{
    /// <summary>
    /// tanh and sech² of the same arguments in one pass, for linearisations; <paramref name="tanh"/> may be
    /// <paramref name="x"/>. float64: <see cref="LaneTanh"/>, one exponential per lane vector for both. float32: tanh
    /// is <see cref="RationalTanh"/> (the bits of <see cref="Tanh{T}"/>), sech² is 4e / (1 + e)² as in
    /// <see cref="Sech2{T}"/> but with e = exp(−2|x|) from <see cref="ExpNonPositive"/> (within 1 ulp) instead of
    /// TensorPrimitives.Exp, which widens every lane to float64 (with the division, ≈ 9 % of the samples of a perf
    /// profile of the n = 16 gradient benchmark); sech² stays within a few ulp wherever it is a normal float
    /// (|x| ≲ 43.6; no 1 − tanh² cancellation).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TanhAndSech2<T>(ReadOnlySpan<Vector<T>> x, Span<Vector<T>> tanh, Span<Vector<T>> sech2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tanh.Length < x.Length || sech2.Length < x.Length)
            throw new ArgumentException("tanh and sech²: a result is shorter than the input.");
        if (typeof(T) == typeof(double))
        {
            var xd = MemoryMarshal.Cast<Vector<T>, Vector<double>>(x);
            var td = MemoryMarshal.Cast<Vector<T>, Vector<double>>(tanh);
            var sd = MemoryMarshal.Cast<Vector<T>, Vector<double>>(sech2);
            for (int i = 0; i < xd.Length; i++)
            {
                td[i] = LaneTanh.Evaluate(xd[i], out var s);
                sd[i] = s;
            }
            return;
        }
        if (typeof(T) != typeof(float))
        {
            Sech2(x, sech2);
            Tanh(x, tanh);
            return;
        }
        var xs = MemoryMarshal.Cast<Vector<T>, Vector<float>>(x);
        var ts = MemoryMarshal.Cast<Vector<T>, Vector<float>>(tanh);
        var ss = MemoryMarshal.Cast<Vector<T>, Vector<float>>(sech2);
        var minusTwo = new Vector<float>(-2f);
        var four = new Vector<float>(4f);
        for (int i = 0; i < xs.Length; i++)
        {
            var v = xs[i];
            var e = ExpNonPositive(minusTwo * Vector.Abs(v));
            var d = Vector<float>.One + e;
            ss[i] = Vector.ConditionalSelect(Vector.Equals(v, v), four * e / (d * d), v);
            ts[i] = RationalTanh.Evaluate(v);
        }
    }

    /// <summary>
    /// e^y for y ≤ 0 in float32 (Cephes expf: y = k ln 2 + r with ln 2 in two parts, a degree-6 polynomial on
    /// |r| ≤ ln 2 / 2, scaled by 2^k as two powers of two so that subnormal results come out too), within 1 ulp over the
    /// normal range; 0 below −104 (e^y under half the smallest subnormal). NaN in a lane gives that lane an unspecified
    /// value: callers select on their own NaN test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<float> ExpNonPositive(Vector<float> y)
    {
        var limit = new Vector<float>(-104f);
        var below = Vector.LessThan(y, limit);
        var yc = Vector.ConditionalSelect(below, limit, y);
        var k = Vector.Round(yc * new Vector<float>(1.44269504088896341f));
        var r = Vector.FusedMultiplyAdd(k, new Vector<float>(-0.693359375f), yc);
        r = Vector.FusedMultiplyAdd(k, new Vector<float>(2.12194440e-4f), r);
        var p = Vector.FusedMultiplyAdd(new Vector<float>(1.9875691500e-4f), r, new Vector<float>(1.3981999507e-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(8.3334519073e-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(4.1665795894e-2f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1.6666665459e-1f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(5.0000001201e-1f));
        p = Vector.FusedMultiplyAdd(p, r * r, r) + Vector<float>.One;
        // k ≥ −150: 2^k = 2^k1 · 2^k2 with k1 = ⌊k/2⌋, k2 = k − k1, both normal powers of two.
        var ki = Vector.ConvertToInt32(k);
        var k1 = Vector.ShiftRightArithmetic(ki, 1);
        var bias = new Vector<int>(127);
        var s1 = Vector.ShiftLeft(k1 + bias, 23).As<int, float>();
        var s2 = Vector.ShiftLeft(ki - k1 + bias, 23).As<int, float>();
        return Vector.ConditionalSelect(below, Vector<float>.Zero, p * s1 * s2);
    }
}
