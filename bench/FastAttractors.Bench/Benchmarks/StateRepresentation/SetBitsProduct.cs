using System.Numerics;
using System.Runtime.InteropServices;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// F from bit-packed states by visiting only the columns of one sign: the set bits (x_k = +1) are listed with
/// TrailingZeroCount, or the clear ones when fewer (F = 2·((b − Σ W) / 2 + Σ_{+1} W) = 2·((b + Σ W) / 2 − Σ_{−1} W)),
/// and each listed column is added to (subtracted from) a register block of 4 row vectors (2 accumulators each). At most half the columns
/// are visited, with one load and one add each, but no weight load is shared between trials (their lists differ).
/// </summary>
internal static class SetBitsProduct
{
    public static void Compute(float[] wT, float[] halfMinus, float[] halfPlus, int cols, ulong[] bits, int words, int trials, int[] scratch, float[] fields)
    {
        int rp = halfMinus.Length;
        for (int q = 0; q < trials; q++)
        {
            var trial = bits.AsSpan(q * words, words);
            int ones = 0;
            foreach (ulong word in trial)
                ones += BitOperations.PopCount(word);
            bool visitOnes = 2 * ones <= cols;
            int count = List(trial, cols, visitOnes, scratch);
            var start = visitOnes ? halfMinus : halfPlus;
            if (visitOnes)
                Accumulate<Add>(wT, start, rp, scratch, count, fields.AsSpan(q * rp, rp));
            else
                Accumulate<Subtract>(wT, start, rp, scratch, count, fields.AsSpan(q * rp, rp));
        }
    }

    /// <summary>Writes the column indices of the chosen sign to list, by TrailingZeroCount; returns how many.</summary>
    private static int List(ReadOnlySpan<ulong> trial, int cols, bool ones, int[] list)
    {
        int count = 0;
        for (int i = 0; i < trial.Length; i++)
        {
            ulong word = ones ? trial[i] : ~trial[i];
            if (!ones && i == trial.Length - 1 && cols % 64 != 0)
                word &= (1UL << (cols % 64)) - 1;    // the unused high bits are not neurons
            while (word != 0)
            {
                list[count++] = 64 * i + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
        return count;
    }

    private interface ISign
    {
        static abstract Vector<float> Apply(Vector<float> acc, Vector<float> column);
    }

    private readonly struct Add : ISign
    {
        public static Vector<float> Apply(Vector<float> acc, Vector<float> column) => acc + column;
    }

    private readonly struct Subtract : ISign
    {
        public static Vector<float> Apply(Vector<float> acc, Vector<float> column) => acc - column;
    }

    // Two accumulators per row vector (even and odd list entries) in blocks of 4 row vectors, four in the single-vector
    // remainder: a column add has a 3-cycle latency, and one accumulator per vector would wait on it (in a first run
    // with one, the V layer's 13 row vectors ran at 1.3x the float kernel's time). Sums are exact on the dyadic grid, so the split order
    // changes nothing here; off the grid it would (a production kernel would have to fix one order).
    private static void Accumulate<TSign>(float[] wT, float[] start, int rp, int[] list, int count, Span<float> fields)
        where TSign : struct, ISign
    {
        int w = Vector<float>.Count;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(wT);
        int r = 0;
        for (; r + 4 * w <= rp; r += 4 * w)
        {
            Vector<float> a0 = new(start.AsSpan(r)), a1 = new(start.AsSpan(r + w)), a2 = new(start.AsSpan(r + 2 * w)), a3 = new(start.AsSpan(r + 3 * w));
            Vector<float> e0 = Vector<float>.Zero, e1 = e0, e2 = e0, e3 = e0;
            int i = 0;
            for (; i + 1 < count; i += 2)
            {
                nuint at = (nuint)(list[i] * rp + r), bt = (nuint)(list[i + 1] * rp + r);
                a0 = TSign.Apply(a0, Vector.LoadUnsafe(ref rw, at));
                a1 = TSign.Apply(a1, Vector.LoadUnsafe(ref rw, at + (nuint)w));
                a2 = TSign.Apply(a2, Vector.LoadUnsafe(ref rw, at + (nuint)(2 * w)));
                a3 = TSign.Apply(a3, Vector.LoadUnsafe(ref rw, at + (nuint)(3 * w)));
                e0 = TSign.Apply(e0, Vector.LoadUnsafe(ref rw, bt));
                e1 = TSign.Apply(e1, Vector.LoadUnsafe(ref rw, bt + (nuint)w));
                e2 = TSign.Apply(e2, Vector.LoadUnsafe(ref rw, bt + (nuint)(2 * w)));
                e3 = TSign.Apply(e3, Vector.LoadUnsafe(ref rw, bt + (nuint)(3 * w)));
            }
            if (i < count)
            {
                nuint at = (nuint)(list[i] * rp + r);
                a0 = TSign.Apply(a0, Vector.LoadUnsafe(ref rw, at));
                a1 = TSign.Apply(a1, Vector.LoadUnsafe(ref rw, at + (nuint)w));
                a2 = TSign.Apply(a2, Vector.LoadUnsafe(ref rw, at + (nuint)(2 * w)));
                a3 = TSign.Apply(a3, Vector.LoadUnsafe(ref rw, at + (nuint)(3 * w)));
            }
            a0 += e0; a1 += e1; a2 += e2; a3 += e3;
            (a0 + a0).CopyTo(fields[r..]);
            (a1 + a1).CopyTo(fields[(r + w)..]);
            (a2 + a2).CopyTo(fields[(r + 2 * w)..]);
            (a3 + a3).CopyTo(fields[(r + 3 * w)..]);
        }
        for (; r < rp; r += w)
        {
            Vector<float> a0 = new(start.AsSpan(r)), a1 = Vector<float>.Zero, a2 = a1, a3 = a1;
            int i = 0;
            for (; i + 3 < count; i += 4)
            {
                a0 = TSign.Apply(a0, Vector.LoadUnsafe(ref rw, (nuint)(list[i] * rp + r)));
                a1 = TSign.Apply(a1, Vector.LoadUnsafe(ref rw, (nuint)(list[i + 1] * rp + r)));
                a2 = TSign.Apply(a2, Vector.LoadUnsafe(ref rw, (nuint)(list[i + 2] * rp + r)));
                a3 = TSign.Apply(a3, Vector.LoadUnsafe(ref rw, (nuint)(list[i + 3] * rp + r)));
            }
            for (; i < count; i++)
                a0 = TSign.Apply(a0, Vector.LoadUnsafe(ref rw, (nuint)(list[i] * rp + r)));
            a0 += a1 + (a2 + a3);
            (a0 + a0).CopyTo(fields[r..]);
        }
    }
}
