using System.Numerics;
using System.Runtime.Intrinsics;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// The new state from the fields, x_k = +1 if F_k ≥ 0 else −1 (NetworkStep.Sign: a field of ±0 gives +1), written in
/// each representation. Fields are float32, padded with zeros to whole vectors; padding neurons come out +1 in the float
/// and sbyte forms and are cleared in the bit form (the unused high bits of the last word stay 0). The bit form packs
/// 8 lanes a step with ExtractMostSignificantBits of the compare mask (not of the field's sign bit, which would turn
/// −0 into −1).
/// </summary>
internal static class StateSigns
{
    public static void ToFloat(ReadOnlySpan<float> fields, Span<float> state)
    {
        int w = Vector<float>.Count;
        var plus = Vector<float>.One;
        var minus = -Vector<float>.One;
        for (int i = 0; i < fields.Length; i += w)
            Vector.ConditionalSelect(Vector.GreaterThanOrEqual(new Vector<float>(fields[i..]), Vector<float>.Zero), plus, minus).CopyTo(state[i..]);
    }

    /// <summary>Four float compares narrowed (int → short → sbyte) into one Vector&lt;sbyte&gt; of ±1.</summary>
    public static void ToSbyte(ReadOnlySpan<float> fields, Span<sbyte> state)
    {
        int w = Vector<float>.Count;
        var plus = Vector<sbyte>.One;
        var minus = -Vector<sbyte>.One;
        for (int i = 0; i < fields.Length; i += 4 * w)
        {
            var m0 = Vector.GreaterThanOrEqual(new Vector<float>(fields[i..]), Vector<float>.Zero);
            var m1 = Vector.GreaterThanOrEqual(new Vector<float>(fields[(i + w)..]), Vector<float>.Zero);
            var m2 = Vector.GreaterThanOrEqual(new Vector<float>(fields[(i + 2 * w)..]), Vector<float>.Zero);
            var m3 = Vector.GreaterThanOrEqual(new Vector<float>(fields[(i + 3 * w)..]), Vector<float>.Zero);
            var mask = Vector.AsVectorSByte(Vector.Narrow(Vector.Narrow(m0, m1), Vector.Narrow(m2, m3)));
            Vector.ConditionalSelect(mask, plus, minus).CopyTo(state[i..]);
        }
    }

    /// <summary>Bit k of word k/64 set ⇔ F_k ≥ 0, for the first n fields.</summary>
    public static void ToBits(ReadOnlySpan<float> fields, int n, Span<ulong> state)
    {
        for (int word = 0; word < state.Length; word++)
        {
            ulong bits = 0;
            int k0 = 64 * word, end = Math.Min(k0 + 64, fields.Length);
            for (int k = k0; k < end; k += 8)
            {
                var mask = Vector256.GreaterThanOrEqual(Vector256.Create(fields.Slice(k, 8)), Vector256<float>.Zero);
                bits |= (ulong)mask.ExtractMostSignificantBits() << (k - k0);
            }
            if (n < k0 + 64)
                bits &= n > k0 ? (1UL << (n - k0)) - 1 : 0;
            state[word] = bits;
        }
    }
}
