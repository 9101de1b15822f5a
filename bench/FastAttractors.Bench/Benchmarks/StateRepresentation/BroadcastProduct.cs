using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// F = bias + W x for every trial, the production idea (src/Host/Binary/Estimators/TrialProduct.cs) rewritten here:
/// weights transposed so the rows run along the Vector&lt;float&gt; lanes, each trial's neuron k broadcast, and a
/// register tile of 4 trials × 2 row vectors doing 8 FMAs per 2 weight loads and 4 broadcasts. The input
/// representation only changes how the broadcast scalar is read (<see cref="ITrialInput"/>).
/// </summary>
internal static class BroadcastProduct
{
    /// <summary>fields[q·Rp + r] = bias[r] + Σ_k wT[k·Rp + r]·x(q, k) for q in [0, trials).</summary>
    public static void Compute<TInput>(float[] wT, float[] bias, int cols, TInput x, int trials, float[] fields)
        where TInput : struct, ITrialInput
    {
        int w = Vector<float>.Count, rp = bias.Length;
        for (int a = 0; a < trials; a += 4)
        {
            // A last group of 1–3 trials repeats its last trial: the repeats write the same values to the same place.
            int last = trials - 1;
            int q0 = a, q1 = Math.Min(a + 1, last), q2 = Math.Min(a + 2, last), q3 = Math.Min(a + 3, last);
            int r = 0;
            for (; r + 2 * w <= rp; r += 2 * w)
                Tile4x2(wT, bias, cols, x, fields, r, q0, q1, q2, q3);
            if (r < rp)
                Tile4x1(wT, bias, cols, x, fields, r, q0, q1, q2, q3);
        }
    }

    private static void Tile4x2<TInput>(float[] wT, float[] bias, int cols, TInput x, float[] fields, int r, int q0, int q1, int q2, int q3)
        where TInput : struct, ITrialInput
    {
        int w = Vector<float>.Count, rp = bias.Length;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(wT);
        Vector<float> b0 = new(bias.AsSpan(r)), b1 = new(bias.AsSpan(r + w));
        Vector<float> a0 = b0, a1 = b0, a2 = b0, a3 = b0, c0 = b1, c1 = b1, c2 = b1, c3 = b1;
        for (int k = 0; k < cols; k++)
        {
            var w0 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r));
            var w1 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r + w));
            var s0 = new Vector<float>(x.At(q0, k));
            var s1 = new Vector<float>(x.At(q1, k));
            var s2 = new Vector<float>(x.At(q2, k));
            var s3 = new Vector<float>(x.At(q3, k));
            a0 = Vector.FusedMultiplyAdd(w0, s0, a0); c0 = Vector.FusedMultiplyAdd(w1, s0, c0);
            a1 = Vector.FusedMultiplyAdd(w0, s1, a1); c1 = Vector.FusedMultiplyAdd(w1, s1, c1);
            a2 = Vector.FusedMultiplyAdd(w0, s2, a2); c2 = Vector.FusedMultiplyAdd(w1, s2, c2);
            a3 = Vector.FusedMultiplyAdd(w0, s3, a3); c3 = Vector.FusedMultiplyAdd(w1, s3, c3);
        }
        ref float rf = ref MemoryMarshal.GetArrayDataReference(fields);
        a0.StoreUnsafe(ref rf, (nuint)(q0 * rp + r)); c0.StoreUnsafe(ref rf, (nuint)(q0 * rp + r + w));
        a1.StoreUnsafe(ref rf, (nuint)(q1 * rp + r)); c1.StoreUnsafe(ref rf, (nuint)(q1 * rp + r + w));
        a2.StoreUnsafe(ref rf, (nuint)(q2 * rp + r)); c2.StoreUnsafe(ref rf, (nuint)(q2 * rp + r + w));
        a3.StoreUnsafe(ref rf, (nuint)(q3 * rp + r)); c3.StoreUnsafe(ref rf, (nuint)(q3 * rp + r + w));
    }

    private static void Tile4x1<TInput>(float[] wT, float[] bias, int cols, TInput x, float[] fields, int r, int q0, int q1, int q2, int q3)
        where TInput : struct, ITrialInput
    {
        int rp = bias.Length;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(wT);
        Vector<float> a0 = new(bias.AsSpan(r)), a1 = a0, a2 = a0, a3 = a0;
        for (int k = 0; k < cols; k++)
        {
            var w0 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r));
            a0 = Vector.FusedMultiplyAdd(w0, new Vector<float>(x.At(q0, k)), a0);
            a1 = Vector.FusedMultiplyAdd(w0, new Vector<float>(x.At(q1, k)), a1);
            a2 = Vector.FusedMultiplyAdd(w0, new Vector<float>(x.At(q2, k)), a2);
            a3 = Vector.FusedMultiplyAdd(w0, new Vector<float>(x.At(q3, k)), a3);
        }
        ref float rf = ref MemoryMarshal.GetArrayDataReference(fields);
        a0.StoreUnsafe(ref rf, (nuint)(q0 * rp + r));
        a1.StoreUnsafe(ref rf, (nuint)(q1 * rp + r));
        a2.StoreUnsafe(ref rf, (nuint)(q2 * rp + r));
        a3.StoreUnsafe(ref rf, (nuint)(q3 * rp + r));
    }
}
