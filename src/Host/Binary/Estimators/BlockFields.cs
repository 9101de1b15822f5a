using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// F = bias + W Xᵀ for a float32 layer against a block of inputs: the product the batch epoch spends its time in.
/// Inputs are stored transposed (cols × Tp, Tp = T rounded up to whole vectors, zero padded) so that a register tile of
/// 4 rows × 2 vectors of inputs accumulates with broadcasts and FMAs and no horizontal sums; fields come out rows × Tp.
/// On the dyadic grid each FMA is exact, so the result equals the Reference's index-order sums.
/// </summary>
internal static class BlockFields
{
    public static int Padded(int transitions) => (transitions + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>inputsT[k·Tp + t] = inputs[t·cols + k]; padding stays zero.</summary>
    public static void Transpose(ReadOnlySpan<float> inputs, int transitions, int cols, Span<float> inputsT)
    {
        int tp = Padded(transitions);
        for (int t = 0; t < transitions; t++)
            for (int k = 0; k < cols; k++)
                inputsT[k * tp + t] = inputs[t * cols + k];
    }

    /// <summary>inputs[t·cols + k] = inputsT[k·Tp + t]: the inverse of <see cref="Transpose"/>.</summary>
    public static void Untranspose(ReadOnlySpan<float> inputsT, int transitions, int cols, Span<float> inputs)
    {
        int tp = Padded(transitions);
        for (int k = 0; k < cols; k++)
            for (int t = 0; t < transitions; t++)
                inputs[t * cols + k] = inputsT[k * tp + t];
    }

    /// <summary>Fields of rows [first, first + count).</summary>
    public static void Compute(float[] w, float[] bias, int first, int count, int cols, float[] inputsT, int tp, float[] fields)
    {
        int w8 = Vector<float>.Count, r = first, end = first + count;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(w);
        ref float rx = ref MemoryMarshal.GetArrayDataReference(inputsT);
        ref float rf = ref MemoryMarshal.GetArrayDataReference(fields);
        for (; r + 4 <= end; r += 4)
        {
            int v = 0;
            for (; v + 2 * w8 <= tp; v += 2 * w8)
                Tile4x2(ref rw, ref rx, ref rf, bias, r, v, cols, tp);
            for (; v < tp; v += w8)
                for (int q = r; q < r + 4; q++)
                    Tile1(ref rw, ref rx, ref rf, bias, q, v, cols, tp);
        }
        for (; r < end; r++)
            for (int v = 0; v < tp; v += w8)
                Tile1(ref rw, ref rx, ref rf, bias, r, v, cols, tp);
    }

    private static void Tile4x2(ref float rw, ref float rx, ref float rf, float[] bias, int r, int v, int cols, int tp)
    {
        int w8 = Vector<float>.Count;
        Vector<float> a0 = new(bias[r]), a1 = new(bias[r + 1]), a2 = new(bias[r + 2]), a3 = new(bias[r + 3]);
        Vector<float> b0 = a0, b1 = a1, b2 = a2, b3 = a3;
        ref float w0 = ref Unsafe.Add(ref rw, r * cols);
        ref float w1 = ref Unsafe.Add(ref w0, cols);
        ref float w2 = ref Unsafe.Add(ref w1, cols);
        ref float w3 = ref Unsafe.Add(ref w2, cols);
        for (int k = 0; k < cols; k++)
        {
            var x0 = Vector.LoadUnsafe(ref rx, (nuint)(k * tp + v));
            var x1 = Vector.LoadUnsafe(ref rx, (nuint)(k * tp + v + w8));
            var c0 = new Vector<float>(Unsafe.Add(ref w0, k));
            var c1 = new Vector<float>(Unsafe.Add(ref w1, k));
            var c2 = new Vector<float>(Unsafe.Add(ref w2, k));
            var c3 = new Vector<float>(Unsafe.Add(ref w3, k));
            a0 = Vector.FusedMultiplyAdd(c0, x0, a0); b0 = Vector.FusedMultiplyAdd(c0, x1, b0);
            a1 = Vector.FusedMultiplyAdd(c1, x0, a1); b1 = Vector.FusedMultiplyAdd(c1, x1, b1);
            a2 = Vector.FusedMultiplyAdd(c2, x0, a2); b2 = Vector.FusedMultiplyAdd(c2, x1, b2);
            a3 = Vector.FusedMultiplyAdd(c3, x0, a3); b3 = Vector.FusedMultiplyAdd(c3, x1, b3);
        }
        a0.StoreUnsafe(ref rf, (nuint)(r * tp + v)); b0.StoreUnsafe(ref rf, (nuint)(r * tp + v + w8));
        a1.StoreUnsafe(ref rf, (nuint)((r + 1) * tp + v)); b1.StoreUnsafe(ref rf, (nuint)((r + 1) * tp + v + w8));
        a2.StoreUnsafe(ref rf, (nuint)((r + 2) * tp + v)); b2.StoreUnsafe(ref rf, (nuint)((r + 2) * tp + v + w8));
        a3.StoreUnsafe(ref rf, (nuint)((r + 3) * tp + v)); b3.StoreUnsafe(ref rf, (nuint)((r + 3) * tp + v + w8));
    }

    private static void Tile1(ref float rw, ref float rx, ref float rf, float[] bias, int r, int v, int cols, int tp)
    {
        Vector<float> a = new(bias[r]);
        ref float w0 = ref Unsafe.Add(ref rw, r * cols);
        for (int k = 0; k < cols; k++)
            a = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref w0, k)), Vector.LoadUnsafe(ref rx, (nuint)(k * tp + v)), a);
        a.StoreUnsafe(ref rf, (nuint)(r * tp + v));
    }
}
