using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace FastAttractors.Simd;

/// <summary>
/// float64 tanh and sech² over lane vectors through TensorPrimitives, with every argument kept inside its vector
/// kernel's range so that no lane's result depends on another's.
/// <para>
/// Why: TensorPrimitives' float64 exp (which its tanh calls for expm1(−2|x|)) runs a whole hardware vector through
/// Math.Exp, element by element, as soon as any element has |argument| &gt; 708 or is NaN, and Math.Exp rounds
/// differently (about 1 ulp) from the vector kernel. A lane vector holds one tile's members, so a single member with a
/// NaN or an |x| &gt; 354 (both functions take exp(−2|x|)) changed its tile-mates' tanh and sech² by an ulp, and
/// through them their trajectories, exponents and gradients. (A span longer than the hardware vector is no better: the
/// last, overlapping vector of a span recomputes elements of the vector before it.) The float32 kernel evaluates in
/// float64 and has no such branch; float32 tanh is <see cref="RationalTanh"/>, lane-wise by construction.
/// </para>
/// <para>
/// How: when every element of the span is in range (the usual case) the span goes to TensorPrimitives as it is, so
/// results are those of the plain call. Otherwise the out-of-range elements are replaced by 0 before the call and given
/// their limit after it by a per-lane select; in-range elements then see exactly the plain call's arithmetic, so both
/// branches give every in-range element the same bits and the branch cannot carry information between lanes.
/// </para>
/// </summary>
internal static class RangeGuardedTensorMath
{
    /// <summary>tanh(x) is ±1 in float64 beyond |x| = 19.06 (1 − tanh x &lt; 2⁻⁵⁴), and the vector kernel returns exactly ±1 there.</summary>
    private const double TanhSaturation = 20;

    /// <summary>exp(−2|x|) stays in the vector kernel's range (|argument| ≤ 708) for |x| ≤ 354; beyond, sech² x &lt; 1e-307 and is taken as 0.</summary>
    private const double Sech2Range = 354;

    /// <summary>Lane vectors sanitised per call of TensorPrimitives on the slow branch (2 KB of stack for AVX2's four lanes).</summary>
    private const int Chunk = 64;

    /// <summary>result = tanh(x) element-wise; <paramref name="result"/> may be <paramref name="x"/> itself.</summary>
    public static void Tanh(ReadOnlySpan<Vector<double>> x, Span<Vector<double>> result)
    {
        if (result.Length < x.Length)
            throw new ArgumentException("tanh: result is shorter than the input.");
        var limit = new Vector<double>(TanhSaturation);
        if (AllWithin(x, limit))
        {
            TensorPrimitives.Tanh(Flat(x), Flat(result));
            return;
        }
        Span<Vector<double>> guarded = stackalloc Vector<double>[Chunk];
        for (int start = 0; start < x.Length; start += Chunk)
        {
            var xs = x.Slice(start, Math.Min(Chunk, x.Length - start));
            var chunk = guarded[..xs.Length];
            for (int i = 0; i < xs.Length; i++)
                chunk[i] = Vector.ConditionalSelect(Within(xs[i], limit), xs[i], Vector<double>.Zero);
            TensorPrimitives.Tanh(Flat(chunk), Flat(chunk));
            var rs = result.Slice(start, xs.Length);
            for (int i = 0; i < xs.Length; i++)
            {
                var v = xs[i];
                var saturated = Vector.ConditionalSelect(Vector.Equals(v, v), Vector.CopySign(Vector<double>.One, v), v);
                rs[i] = Vector.ConditionalSelect(Within(v, limit), chunk[i], saturated);
            }
        }
    }

    /// <summary>
    /// result = sech²(x) = 4e / (1 + e)² with e = exp(−2|x|), element-wise (see <see cref="SimdMath.Sech2{T}"/> for why
    /// this form); NaN stays NaN. <paramref name="result"/> must not overlap <paramref name="x"/>.
    /// </summary>
    public static void Sech2(ReadOnlySpan<Vector<double>> x, Span<Vector<double>> result)
    {
        if (result.Length < x.Length)
            throw new ArgumentException("sech²: result is shorter than the input.");
        if (x.Overlaps(result[..x.Length]))
            throw new ArgumentException("sech²: result overlaps the input.");
        var range = new Vector<double>(Sech2Range);
        var minusTwo = new Vector<double>(-2.0);
        var e = result[..x.Length];
        var within = Vector<long>.AllBitsSet;
        for (int i = 0; i < x.Length; i++)
        {
            e[i] = minusTwo * Vector.Abs(x[i]);
            within &= Within(x[i], range);
        }
        bool allWithin = within == Vector<long>.AllBitsSet;
        if (!allWithin)
        {
            for (int i = 0; i < x.Length; i++)
                e[i] = Vector.ConditionalSelect(Within(x[i], range), e[i], Vector<double>.Zero);
        }
        TensorPrimitives.Exp(Flat(e), Flat(e));
        var four = new Vector<double>(4.0);
        for (int i = 0; i < x.Length; i++)
        {
            var d = Vector<double>.One + e[i];
            var sech2 = four * e[i] / (d * d);
            if (!allWithin)
            {
                var v = x[i];
                sech2 = Vector.ConditionalSelect(Within(v, range), sech2, Vector.ConditionalSelect(Vector.Equals(v, v), Vector<double>.Zero, v));
            }
            e[i] = sech2;
        }
    }

    /// <summary>True in the lanes with |x| ≤ limit (false for NaN).</summary>
    private static Vector<long> Within(Vector<double> x, Vector<double> limit) => Vector.LessThanOrEqual(Vector.Abs(x), limit);

    private static bool AllWithin(ReadOnlySpan<Vector<double>> x, Vector<double> limit)
    {
        var within = Vector<long>.AllBitsSet;
        for (int i = 0; i < x.Length; i++)
            within &= Within(x[i], limit);
        return within == Vector<long>.AllBitsSet;
    }

    private static ReadOnlySpan<double> Flat(ReadOnlySpan<Vector<double>> x) => MemoryMarshal.Cast<Vector<double>, double>(x);

    private static Span<double> Flat(Span<Vector<double>> x) => MemoryMarshal.Cast<Vector<double>, double>(x);
}
