using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// F = 2·((b − Σ_k W[:, k]) / 2 + Σ_{x_k = +1} W[:, k]) from bit-packed states, in the same 4 trials × 2 row-vector
/// tile as <see cref="BroadcastProduct"/>: for each column a trial's bit becomes an all-ones or all-zeros lane mask, and
/// Vector.ConditionalSelect keeps the column or zero before an add. Each FMA of the float kernel becomes a select and
/// an add, each broadcast a mask (shift, and, negate, broadcast).
/// </summary>
internal static class MaskedAddProduct
{
    /// <param name="start">(b − Σ_k W[:, k]) / 2, padded to Rp.</param>
    public static void Compute(float[] wT, float[] start, int cols, ulong[] bits, int words, int trials, float[] fields)
    {
        int w = Vector<float>.Count, rp = start.Length;
        for (int a = 0; a < trials; a += 4)
        {
            // A last group of 1–3 trials repeats its last trial: the repeats write the same values to the same place.
            int last = trials - 1;
            int q0 = a, q1 = Math.Min(a + 1, last), q2 = Math.Min(a + 2, last), q3 = Math.Min(a + 3, last);
            int r = 0;
            for (; r + 2 * w <= rp; r += 2 * w)
                Tile4x2(wT, start, cols, bits, words, fields, r, q0, q1, q2, q3);
            if (r < rp)
                Tile4x1(wT, start, cols, bits, words, fields, r, q0, q1, q2, q3);
        }
    }

    private static void Tile4x2(float[] wT, float[] start, int cols, ulong[] bits, int words, float[] fields, int r, int q0, int q1, int q2, int q3)
    {
        int w = Vector<float>.Count, rp = start.Length;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(wT);
        ref ulong rb = ref MemoryMarshal.GetArrayDataReference(bits);
        Vector<float> b0 = new(start.AsSpan(r)), b1 = new(start.AsSpan(r + w));
        Vector<float> a0 = b0, a1 = b0, a2 = b0, a3 = b0, c0 = b1, c1 = b1, c2 = b1, c3 = b1;
        for (int k = 0; k < cols; k++)
        {
            var w0 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r));
            var w1 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r + w));
            int word = k >> 6, shift = k & 63;
            var m0 = Mask(ref rb, q0 * words + word, shift);
            var m1 = Mask(ref rb, q1 * words + word, shift);
            var m2 = Mask(ref rb, q2 * words + word, shift);
            var m3 = Mask(ref rb, q3 * words + word, shift);
            a0 += Vector.ConditionalSelect(m0, w0, Vector<float>.Zero); c0 += Vector.ConditionalSelect(m0, w1, Vector<float>.Zero);
            a1 += Vector.ConditionalSelect(m1, w0, Vector<float>.Zero); c1 += Vector.ConditionalSelect(m1, w1, Vector<float>.Zero);
            a2 += Vector.ConditionalSelect(m2, w0, Vector<float>.Zero); c2 += Vector.ConditionalSelect(m2, w1, Vector<float>.Zero);
            a3 += Vector.ConditionalSelect(m3, w0, Vector<float>.Zero); c3 += Vector.ConditionalSelect(m3, w1, Vector<float>.Zero);
        }
        ref float rf = ref MemoryMarshal.GetArrayDataReference(fields);
        (a0 + a0).StoreUnsafe(ref rf, (nuint)(q0 * rp + r)); (c0 + c0).StoreUnsafe(ref rf, (nuint)(q0 * rp + r + w));
        (a1 + a1).StoreUnsafe(ref rf, (nuint)(q1 * rp + r)); (c1 + c1).StoreUnsafe(ref rf, (nuint)(q1 * rp + r + w));
        (a2 + a2).StoreUnsafe(ref rf, (nuint)(q2 * rp + r)); (c2 + c2).StoreUnsafe(ref rf, (nuint)(q2 * rp + r + w));
        (a3 + a3).StoreUnsafe(ref rf, (nuint)(q3 * rp + r)); (c3 + c3).StoreUnsafe(ref rf, (nuint)(q3 * rp + r + w));
    }

    private static void Tile4x1(float[] wT, float[] start, int cols, ulong[] bits, int words, float[] fields, int r, int q0, int q1, int q2, int q3)
    {
        int rp = start.Length;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(wT);
        ref ulong rb = ref MemoryMarshal.GetArrayDataReference(bits);
        Vector<float> a0 = new(start.AsSpan(r)), a1 = a0, a2 = a0, a3 = a0;
        for (int k = 0; k < cols; k++)
        {
            var w0 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r));
            int word = k >> 6, shift = k & 63;
            a0 += Vector.ConditionalSelect(Mask(ref rb, q0 * words + word, shift), w0, Vector<float>.Zero);
            a1 += Vector.ConditionalSelect(Mask(ref rb, q1 * words + word, shift), w0, Vector<float>.Zero);
            a2 += Vector.ConditionalSelect(Mask(ref rb, q2 * words + word, shift), w0, Vector<float>.Zero);
            a3 += Vector.ConditionalSelect(Mask(ref rb, q3 * words + word, shift), w0, Vector<float>.Zero);
        }
        ref float rf = ref MemoryMarshal.GetArrayDataReference(fields);
        (a0 + a0).StoreUnsafe(ref rf, (nuint)(q0 * rp + r));
        (a1 + a1).StoreUnsafe(ref rf, (nuint)(q1 * rp + r));
        (a2 + a2).StoreUnsafe(ref rf, (nuint)(q2 * rp + r));
        (a3 + a3).StoreUnsafe(ref rf, (nuint)(q3 * rp + r));
    }

    /// <summary>All lanes set when bit <paramref name="shift"/> of the word is 1, else all clear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Mask(ref ulong bits, int word, int shift) =>
        Vector.AsVectorSingle(new Vector<int>(-(int)((Unsafe.Add(ref bits, word) >> shift) & 1)));
}
