using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastAttractors.Simd;

/// <summary>
/// float64 tanh and sech² of one lane vector, both from one exponential, inlined where they are used.
/// <para>
/// Why not TensorPrimitives: a tile of a small network holds two to eight lane vectors, and the per-call cost of a span
/// kernel (setup, remainder masks, the range guard its float64 exp needed: it recomputes a whole vector with scalar Math.Exp when one element is NaN or beyond |708|, which re-rounds the other lanes) was most
/// of the cost of tanh there; a rotation-flow scan spent a quarter of its time in those calls. Here every operation is
/// lane-wise and branch-free, so a member's result cannot depend on its tile-mates' values.
/// </para>
/// <para>
/// How: for |x| &lt; 0.625, tanh x = x + x z P(z)/Q(z) with z = x² (Cephes' rational form, no cancellation near 0,
/// within 1 ulp) and sech² = 1 − tanh²; beyond, e = exp(−2|x|) gives tanh = 1 − 2e/(1 + e) (one fused rounding) and
/// sech² = 4e/(1 + e)², with 2e/(1 + e) ≤ 0.45 so nothing cancels. Tested against Math.Tanh (within 2 ulp) and 1/cosh²
/// (within 8 ulp, the reference's own error included) over [−25, 25], the branch point and subnormal arguments
/// (LaneIndependentTanhTests). Beyond |x| = 354, sech² &lt; 1e-307 and is returned as 0 (exp's argument stays ≥ −708,
/// the range of <see cref="ExpNonPositive"/>); NaN stays NaN in both.
/// </para>
/// </summary>
internal static class LaneTanh
{
    private const double SmallBranch = 0.625;
    private const double Sech2Range = 354;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Tanh(Vector<double> x) => Evaluate(x, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sech2(Vector<double> x)
    {
        Evaluate(x, out var sech2);
        return sech2;
    }

    /// <summary>tanh(x), with sech²(x) = 1 − tanh²(x) computed without cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Evaluate(Vector<double> x, out Vector<double> sech2)
    {
        var a = Vector.Abs(x);
        var isNumber = Vector.Equals(x, x);
        var small = Vector.LessThan(a, new Vector<double>(SmallBranch));
        Vector<double> magnitude;
        // Each lane takes its own branch's value; a branch no lane needs is skipped, which changes no lane's bits.
        if (Vector.EqualsAll(small, Vector<long>.Zero))
            magnitude = Large(a, isNumber, out sech2);
        else if (Vector.EqualsAll(small, Vector<long>.AllBitsSet))
            magnitude = Small(a, out sech2);
        else
        {
            var tSmall = Small(a, out var sSmall);
            var tLarge = Large(a, isNumber, out var sLarge);
            magnitude = Vector.ConditionalSelect(small, tSmall, tLarge);
            sech2 = Vector.ConditionalSelect(small, sSmall, sLarge);
        }
        sech2 = Vector.ConditionalSelect(isNumber, sech2, x);
        return Vector.ConditionalSelect(isNumber, Vector.CopySign(magnitude, x), x);
    }

    /// <summary>|x| &lt; 0.625: odd rational approximation (Cephes tanh.c coefficients) of tanh |x|; sech² = 1 − tanh².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Small(Vector<double> a, out Vector<double> sech2)
    {
        var z = a * a;
        var p = Vector.FusedMultiplyAdd(z, new Vector<double>(-9.64399179425052238628E-1), new Vector<double>(-9.92877231001918586564E1));
        p = Vector.FusedMultiplyAdd(z, p, new Vector<double>(-1.61468768441708447952E3));
        var q = z + new Vector<double>(1.12811678491632931402E2);
        q = Vector.FusedMultiplyAdd(z, q, new Vector<double>(2.23548839060100448583E3));
        q = Vector.FusedMultiplyAdd(z, q, new Vector<double>(4.84406305325125486048E3));
        var t = Vector.FusedMultiplyAdd(a * z, p / q, a);
        sech2 = Vector.FusedMultiplyAdd(-t, t, Vector<double>.One);
        return t;
    }

    /// <summary>|x| ≥ 0.625: e = exp(−2|x|), tanh |x| = 1 − 2e/(1 + e), sech² = 4e/(1 + e)²; NaN lanes give exp the argument 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Large(Vector<double> a, Vector<long> isNumber, out Vector<double> sech2)
    {
        // MinNative: a is ≥ 0 or NaN, and a NaN lane's argument is replaced by 0 just below.
        var argument = Vector.ConditionalSelect(isNumber, new Vector<double>(-2.0) * Vector.MinNative(a, new Vector<double>(Sech2Range)), Vector<double>.Zero);
        var e = ExpNonPositive(argument);
        var r = Vector<double>.One / (Vector<double>.One + e);
        sech2 = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<double>(Sech2Range)), Vector<double>.Zero, new Vector<double>(4.0) * e * r * r);
        // 1 − 2e/(1 + e) with one rounding: (1 − e)·r rounds three times and was 3 ulp off just above 0.625.
        return Vector.FusedMultiplyAdd(new Vector<double>(-2.0) * e, r, Vector<double>.One);
    }

    /// <summary>
    /// e^x for x in [−708, 0] (finite, the range that <see cref="Large"/> passes), within 1 ulp of Math.Exp; inlined and
    /// branch-free. Vector.Exp is a call, and a call in the plane path's stage loop costs more than the exponential
    /// itself: the calling convention keeps no vector register across a call, so every live lane vector of both tiles
    /// is stored and reloaded around each of the loop's eight.
    /// <para>
    /// How: x = k ln 2 + r with k = round(x / ln 2) (the 1.5·2⁵² shift leaves k in the low mantissa bits) and
    /// |r| ≤ ln 2 / 2, ln 2 split in two so that r is exact to well below an ulp; e^r = 1 + r + r² h(r) with h the
    /// Taylor series to r¹¹ (truncation below 5·10⁻¹⁸), its even and odd halves in r² evaluated side by side; then
    /// 2^k goes into the exponent field (k ≥ −1021 here, so the result stays normal).
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> ExpNonPositive(Vector<double> x)
    {
        const double Shift = 6755399441055744.0; // 1.5·2⁵²
        var shifted = Vector.FusedMultiplyAdd(x, new Vector<double>(1.4426950408889634), new Vector<double>(Shift));
        var k = shifted - new Vector<double>(Shift);
        var r = Vector.FusedMultiplyAdd(k, new Vector<double>(-0.6931471805599453), x);
        r = Vector.FusedMultiplyAdd(k, new Vector<double>(-2.3190468138462996e-17), r);
        var s = r * r;
        // h(r) = Σ r^(j−2)/j!, j = 2 … 13: even j in s, and odd j in s times r.
        var even = Vector.FusedMultiplyAdd(s, new Vector<double>(1.0 / 479001600), new Vector<double>(1.0 / 3628800));
        even = Vector.FusedMultiplyAdd(s, even, new Vector<double>(1.0 / 40320));
        even = Vector.FusedMultiplyAdd(s, even, new Vector<double>(1.0 / 720));
        even = Vector.FusedMultiplyAdd(s, even, new Vector<double>(1.0 / 24));
        even = Vector.FusedMultiplyAdd(s, even, new Vector<double>(0.5));
        var odd = Vector.FusedMultiplyAdd(s, new Vector<double>(1.0 / 6227020800), new Vector<double>(1.0 / 39916800));
        odd = Vector.FusedMultiplyAdd(s, odd, new Vector<double>(1.0 / 362880));
        odd = Vector.FusedMultiplyAdd(s, odd, new Vector<double>(1.0 / 5040));
        odd = Vector.FusedMultiplyAdd(s, odd, new Vector<double>(1.0 / 120));
        odd = Vector.FusedMultiplyAdd(s, odd, new Vector<double>(1.0 / 6));
        var h = Vector.FusedMultiplyAdd(r, odd, even);
        var p = Vector.FusedMultiplyAdd(s, h, r) + Vector<double>.One;
        // k + 1023 into the exponent field: the low 12 bits of shifted's bits are k + 1023 after the addition.
        var scale = Vector.ShiftLeft(shifted.As<double, ulong>() + new Vector<ulong>(1023), 52).As<ulong, double>();
        return p * scale;
    }
}
