using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// F = bias + W X for the live trials of one network: the weights stored transposed (cols × Rp, Rp = rows rounded up
/// to whole vectors, zero padded; filled by <see cref="FloatNetwork"/>) so that the rows of W run along the vector
/// lanes, and each trial's input is broadcast one column at a time. A register tile of 4 trials × 2 row vectors does 8 FMAs per 2 weight loads and 4
/// broadcasts, and every lane does useful work whatever the number of trials (trials in lanes would leave 6 of 16
/// empty at 10 trials). Each field sums bias, then k = 0, 1, … in order; under <see cref="ExactSums"/> every FMA is exact.
/// </summary>
internal static class TrialProduct
{
    /// <summary>Trials per register tile: a call with fewer repeats its last trial, so it costs as much as a full tile.</summary>
    public const int Tile = 4;

    public static int Padded(int rows) => (rows + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>
    /// result[q·Rp + r] = bias[r] + Σ_k wT[k·Rp + r]·x[q·xStride + k] for q in active[0..count).
    /// </summary>
    // Optimised from the first call, as are the other recall kernels (DeltaFields, FloatTranspose, BatchedTrials…):
    // a recall call is short, and until the tiered JIT replaces tier-0 SIMD code a W7 recall took 145 ms instead of 36.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(float[] wT, float[] bias, int cols, float[] x, int xStride, int[] active, int count, float[] result)
    {
        int w = Vector<float>.Count, rp = bias.Length;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(wT);
        ref float rx = ref MemoryMarshal.GetArrayDataReference(x);
        ref float rf = ref MemoryMarshal.GetArrayDataReference(result);
        for (int a = 0; a < count; a += 4)
        {
            // A last group of 1–3 trials repeats its last trial: the repeats write the same values to the same place,
            // and a full tile still does 8 FMAs per 6 loads where a one-trial tile would do 1 per 2.
            int last = count - 1;
            int q0 = active[a], q1 = active[Math.Min(a + 1, last)], q2 = active[Math.Min(a + 2, last)], q3 = active[Math.Min(a + 3, last)];
            int r = 0;
            for (; r + 2 * w <= rp; r += 2 * w)
                Tile4x2(ref rw, ref rx, ref rf, bias, cols, rp, xStride, r, q0, q1, q2, q3);
            if (r < rp)
                Tile4x1(ref rw, ref rx, ref rf, bias, cols, rp, xStride, r, q0, q1, q2, q3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x2(ref float rw, ref float rx, ref float rf, float[] bias, int cols, int rp, int xStride, int r, int q0, int q1, int q2, int q3)
    {
        int w = Vector<float>.Count;
        Vector<float> b0 = new(bias.AsSpan(r)), b1 = new(bias.AsSpan(r + w));
        Vector<float> a0 = b0, a1 = b0, a2 = b0, a3 = b0, c0 = b1, c1 = b1, c2 = b1, c3 = b1;
        ref float x0 = ref Unsafe.Add(ref rx, q0 * xStride);
        ref float x1 = ref Unsafe.Add(ref rx, q1 * xStride);
        ref float x2 = ref Unsafe.Add(ref rx, q2 * xStride);
        ref float x3 = ref Unsafe.Add(ref rx, q3 * xStride);
        for (int k = 0; k < cols; k++)
        {
            var w0 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r));
            var w1 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r + w));
            var s0 = new Vector<float>(Unsafe.Add(ref x0, k));
            var s1 = new Vector<float>(Unsafe.Add(ref x1, k));
            var s2 = new Vector<float>(Unsafe.Add(ref x2, k));
            var s3 = new Vector<float>(Unsafe.Add(ref x3, k));
            a0 = Vector.FusedMultiplyAdd(w0, s0, a0); c0 = Vector.FusedMultiplyAdd(w1, s0, c0);
            a1 = Vector.FusedMultiplyAdd(w0, s1, a1); c1 = Vector.FusedMultiplyAdd(w1, s1, c1);
            a2 = Vector.FusedMultiplyAdd(w0, s2, a2); c2 = Vector.FusedMultiplyAdd(w1, s2, c2);
            a3 = Vector.FusedMultiplyAdd(w0, s3, a3); c3 = Vector.FusedMultiplyAdd(w1, s3, c3);
        }
        a0.StoreUnsafe(ref rf, (nuint)(q0 * rp + r)); c0.StoreUnsafe(ref rf, (nuint)(q0 * rp + r + w));
        a1.StoreUnsafe(ref rf, (nuint)(q1 * rp + r)); c1.StoreUnsafe(ref rf, (nuint)(q1 * rp + r + w));
        a2.StoreUnsafe(ref rf, (nuint)(q2 * rp + r)); c2.StoreUnsafe(ref rf, (nuint)(q2 * rp + r + w));
        a3.StoreUnsafe(ref rf, (nuint)(q3 * rp + r)); c3.StoreUnsafe(ref rf, (nuint)(q3 * rp + r + w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x1(ref float rw, ref float rx, ref float rf, float[] bias, int cols, int rp, int xStride, int r, int q0, int q1, int q2, int q3)
    {
        Vector<float> a0 = new(bias.AsSpan(r)), a1 = a0, a2 = a0, a3 = a0;
        ref float x0 = ref Unsafe.Add(ref rx, q0 * xStride);
        ref float x1 = ref Unsafe.Add(ref rx, q1 * xStride);
        ref float x2 = ref Unsafe.Add(ref rx, q2 * xStride);
        ref float x3 = ref Unsafe.Add(ref rx, q3 * xStride);
        for (int k = 0; k < cols; k++)
        {
            var w0 = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r));
            a0 = Vector.FusedMultiplyAdd(w0, new Vector<float>(Unsafe.Add(ref x0, k)), a0);
            a1 = Vector.FusedMultiplyAdd(w0, new Vector<float>(Unsafe.Add(ref x1, k)), a1);
            a2 = Vector.FusedMultiplyAdd(w0, new Vector<float>(Unsafe.Add(ref x2, k)), a2);
            a3 = Vector.FusedMultiplyAdd(w0, new Vector<float>(Unsafe.Add(ref x3, k)), a3);
        }
        a0.StoreUnsafe(ref rf, (nuint)(q0 * rp + r));
        a1.StoreUnsafe(ref rf, (nuint)(q1 * rp + r));
        a2.StoreUnsafe(ref rf, (nuint)(q2 * rp + r));
        a3.StoreUnsafe(ref rf, (nuint)(q3 * rp + r));
    }
}
