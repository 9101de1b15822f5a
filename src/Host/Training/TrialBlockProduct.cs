using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Training;

/// <summary>
/// The one matrix product every part of <see cref="BatchedRnnGradient"/> is made of:
/// Y[s·ldy + i] = (accumulate ? Y : 0) + Σ_{k &lt; depth} A[k·lda + i] · X[k·xk + s·xs], for i &lt; rows (a whole number
/// of <see cref="Vector{T}"/>s) and s &lt; columns. Vectors run along i and each X entry is broadcast, so no horizontal
/// sums are needed; X is addressed through two strides so the same kernel reads a block of states column by column
/// (forward and backward recursions) or a run of states row by row (the parameter gradients, X's stride along k is a
/// state's length) without a transposed copy.
/// <para>Why not the existing products: the Lyapunov GEMM kernel wants both operands packed into panels, and here the
/// operand of each step is the state the previous step has just written, so packing would be a copy per step; the binary
/// estimators' block product ties output rows to input rows and has no offsets.</para>
/// <para>Every Y entry is one FMA chain over k in increasing order starting from 0 (or from Y), whatever tile computes
/// it, so a result does not depend on how columns are split between calls or threads, nor on <c>depth</c> being cut
/// into slices (the chain just continues from the stored value).</para>
/// </summary>
internal static class TrialBlockProduct
{
    /// <summary>Columns per register tile: 6 columns × 2 vectors = 12 accumulators, plus 2 loads and 1 broadcast,
    /// fit the 16 AVX2 registers and keep more FMAs in flight than the FMA latency needs.</summary>
    private const int Columns = 6;

    /// <summary>Rows of A (steps along k) per slice: two vectors of 128 rows stay in L1 while every column tile
    /// passes over them, instead of each tile streaming all of A from further out.</summary>
    private const int Slice = 128;

    public static void Multiply(ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, int xk, int xs, Span<float> y, int ldy,
        int rows, int columns, int depth, bool accumulate)
    {
        int w = Vector<float>.Count;
        if (rows % w != 0 || rows < 0 || columns < 0 || depth < 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"rows = {rows} must be a multiple of {w}; columns = {columns}, depth = {depth} non-negative.");
        if (rows == 0 || columns == 0)
            return;
        if ((long)(columns - 1) * ldy + rows > y.Length
            || depth > 0 && ((long)(depth - 1) * lda + rows > a.Length || (long)(depth - 1) * xk + (long)(columns - 1) * xs >= x.Length))
            throw new ArgumentException($"operands too short for rows {rows}, columns {columns}, depth {depth}.");
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float ry = ref MemoryMarshal.GetReference(y);
        if (depth == 0)
        {
            if (!accumulate)
            {
                for (int s = 0; s < columns; s++)
                    y.Slice(s * ldy, rows).Clear();
            }
            return;
        }
        for (int k0 = 0; k0 < depth; k0 += Slice)
        {
            int kc = Math.Min(Slice, depth - k0);
            bool add = accumulate || k0 > 0;
            ref float sa = ref Unsafe.Add(ref ra, (nint)k0 * lda);
            ref float sx = ref Unsafe.Add(ref rx, (nint)k0 * xk);
            int full = columns / Columns * Columns, i = 0;
            for (; i + 2 * w <= rows; i += 2 * w)
            {
                for (int s = 0; s < full; s += Columns)
                    Tile2x6(ref Unsafe.Add(ref sa, i), lda, ref Unsafe.Add(ref sx, (nint)s * xs), xk, xs, ref Unsafe.Add(ref ry, (nint)s * ldy + i), ldy, kc, add);
            }
            if (i < rows)
            {
                for (int s = 0; s < full; s += Columns)
                    Tile1x6(ref Unsafe.Add(ref sa, i), lda, ref Unsafe.Add(ref sx, (nint)s * xs), xk, xs, ref Unsafe.Add(ref ry, (nint)s * ldy + i), ldy, kc, add);
            }
            // Leftover columns one at a time, 4 vectors deep so that 4 FMA chains, not 1, hide the FMA latency (the
            // products with 1–5 columns, such as ∂L/∂U, ∂L/∂b and ∂L/∂C, run entirely here).
            for (int s = full; s < columns; s++)
            {
                ref float column = ref Unsafe.Add(ref sx, (nint)s * xs);
                ref float target = ref Unsafe.Add(ref ry, (nint)s * ldy);
                int r = 0;
                for (; r + 4 * w <= rows; r += 4 * w)
                    Tile4x1(ref Unsafe.Add(ref sa, r), lda, ref column, xk, ref Unsafe.Add(ref target, r), kc, add);
                for (; r < rows; r += w)
                    Tile1x1(ref Unsafe.Add(ref sa, r), lda, ref column, xk, ref Unsafe.Add(ref target, r), kc, add);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile2x6(ref float a, nint lda, ref float x, nint xk, nint xs, ref float y, nint ldy, int depth, bool accumulate)
    {
        nuint w = (nuint)Vector<float>.Count;
        ref float y1 = ref Unsafe.Add(ref y, ldy);
        ref float y2 = ref Unsafe.Add(ref y, 2 * ldy);
        ref float y3 = ref Unsafe.Add(ref y, 3 * ldy);
        ref float y4 = ref Unsafe.Add(ref y, 4 * ldy);
        ref float y5 = ref Unsafe.Add(ref y, 5 * ldy);
        Vector<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (accumulate)
        {
            c00 = Vector.LoadUnsafe(ref y); c01 = Vector.LoadUnsafe(ref y, w);
            c10 = Vector.LoadUnsafe(ref y1); c11 = Vector.LoadUnsafe(ref y1, w);
            c20 = Vector.LoadUnsafe(ref y2); c21 = Vector.LoadUnsafe(ref y2, w);
            c30 = Vector.LoadUnsafe(ref y3); c31 = Vector.LoadUnsafe(ref y3, w);
            c40 = Vector.LoadUnsafe(ref y4); c41 = Vector.LoadUnsafe(ref y4, w);
            c50 = Vector.LoadUnsafe(ref y5); c51 = Vector.LoadUnsafe(ref y5, w);
        }
        else
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector<float>.Zero;
        nint xs2 = 2 * xs, xs3 = 3 * xs, xs4 = 4 * xs, xs5 = 5 * xs;
        for (int k = 0; k < depth; k++)
        {
            var a0 = Vector.LoadUnsafe(ref a);
            var a1 = Vector.LoadUnsafe(ref a, w);
            var b = new Vector<float>(x);
            c00 = Vector.FusedMultiplyAdd(a0, b, c00); c01 = Vector.FusedMultiplyAdd(a1, b, c01);
            b = new Vector<float>(Unsafe.Add(ref x, xs));
            c10 = Vector.FusedMultiplyAdd(a0, b, c10); c11 = Vector.FusedMultiplyAdd(a1, b, c11);
            b = new Vector<float>(Unsafe.Add(ref x, xs2));
            c20 = Vector.FusedMultiplyAdd(a0, b, c20); c21 = Vector.FusedMultiplyAdd(a1, b, c21);
            b = new Vector<float>(Unsafe.Add(ref x, xs3));
            c30 = Vector.FusedMultiplyAdd(a0, b, c30); c31 = Vector.FusedMultiplyAdd(a1, b, c31);
            b = new Vector<float>(Unsafe.Add(ref x, xs4));
            c40 = Vector.FusedMultiplyAdd(a0, b, c40); c41 = Vector.FusedMultiplyAdd(a1, b, c41);
            b = new Vector<float>(Unsafe.Add(ref x, xs5));
            c50 = Vector.FusedMultiplyAdd(a0, b, c50); c51 = Vector.FusedMultiplyAdd(a1, b, c51);
            a = ref Unsafe.Add(ref a, lda);
            x = ref Unsafe.Add(ref x, xk);
        }
        c00.StoreUnsafe(ref y); c01.StoreUnsafe(ref y, w);
        c10.StoreUnsafe(ref y1); c11.StoreUnsafe(ref y1, w);
        c20.StoreUnsafe(ref y2); c21.StoreUnsafe(ref y2, w);
        c30.StoreUnsafe(ref y3); c31.StoreUnsafe(ref y3, w);
        c40.StoreUnsafe(ref y4); c41.StoreUnsafe(ref y4, w);
        c50.StoreUnsafe(ref y5); c51.StoreUnsafe(ref y5, w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x6(ref float a, nint lda, ref float x, nint xk, nint xs, ref float y, nint ldy, int depth, bool accumulate)
    {
        ref float y1 = ref Unsafe.Add(ref y, ldy);
        ref float y2 = ref Unsafe.Add(ref y, 2 * ldy);
        ref float y3 = ref Unsafe.Add(ref y, 3 * ldy);
        ref float y4 = ref Unsafe.Add(ref y, 4 * ldy);
        ref float y5 = ref Unsafe.Add(ref y, 5 * ldy);
        Vector<float> c0, c1, c2, c3, c4, c5;
        if (accumulate)
        {
            c0 = Vector.LoadUnsafe(ref y); c1 = Vector.LoadUnsafe(ref y1); c2 = Vector.LoadUnsafe(ref y2);
            c3 = Vector.LoadUnsafe(ref y3); c4 = Vector.LoadUnsafe(ref y4); c5 = Vector.LoadUnsafe(ref y5);
        }
        else
            c0 = c1 = c2 = c3 = c4 = c5 = Vector<float>.Zero;
        nint xs2 = 2 * xs, xs3 = 3 * xs, xs4 = 4 * xs, xs5 = 5 * xs;
        for (int k = 0; k < depth; k++)
        {
            var a0 = Vector.LoadUnsafe(ref a);
            c0 = Vector.FusedMultiplyAdd(a0, new Vector<float>(x), c0);
            c1 = Vector.FusedMultiplyAdd(a0, new Vector<float>(Unsafe.Add(ref x, xs)), c1);
            c2 = Vector.FusedMultiplyAdd(a0, new Vector<float>(Unsafe.Add(ref x, xs2)), c2);
            c3 = Vector.FusedMultiplyAdd(a0, new Vector<float>(Unsafe.Add(ref x, xs3)), c3);
            c4 = Vector.FusedMultiplyAdd(a0, new Vector<float>(Unsafe.Add(ref x, xs4)), c4);
            c5 = Vector.FusedMultiplyAdd(a0, new Vector<float>(Unsafe.Add(ref x, xs5)), c5);
            a = ref Unsafe.Add(ref a, lda);
            x = ref Unsafe.Add(ref x, xk);
        }
        c0.StoreUnsafe(ref y); c1.StoreUnsafe(ref y1); c2.StoreUnsafe(ref y2);
        c3.StoreUnsafe(ref y3); c4.StoreUnsafe(ref y4); c5.StoreUnsafe(ref y5);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x1(ref float a, nint lda, ref float x, nint xk, ref float y, int depth, bool accumulate)
    {
        nuint w = (nuint)Vector<float>.Count;
        Vector<float> c0, c1, c2, c3;
        if (accumulate)
        {
            c0 = Vector.LoadUnsafe(ref y); c1 = Vector.LoadUnsafe(ref y, w);
            c2 = Vector.LoadUnsafe(ref y, 2 * w); c3 = Vector.LoadUnsafe(ref y, 3 * w);
        }
        else
            c0 = c1 = c2 = c3 = Vector<float>.Zero;
        for (int k = 0; k < depth; k++)
        {
            var b = new Vector<float>(x);
            c0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref a), b, c0);
            c1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref a, w), b, c1);
            c2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref a, 2 * w), b, c2);
            c3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref a, 3 * w), b, c3);
            a = ref Unsafe.Add(ref a, lda);
            x = ref Unsafe.Add(ref x, xk);
        }
        c0.StoreUnsafe(ref y); c1.StoreUnsafe(ref y, w);
        c2.StoreUnsafe(ref y, 2 * w); c3.StoreUnsafe(ref y, 3 * w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x1(ref float a, nint lda, ref float x, nint xk, ref float y, int depth, bool accumulate)
    {
        Vector<float> c0 = accumulate ? Vector.LoadUnsafe(ref y) : Vector<float>.Zero;
        for (int k = 0; k < depth; k++)
        {
            c0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref a), new Vector<float>(x), c0);
            a = ref Unsafe.Add(ref a, lda);
            x = ref Unsafe.Add(ref x, xk);
        }
        c0.StoreUnsafe(ref y);
    }
}
