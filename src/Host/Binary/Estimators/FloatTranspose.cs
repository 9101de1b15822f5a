using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// A float64 weight matrix to the float32 transposed layout of <see cref="TrialProduct"/>, taking on the way what
/// <see cref="ExactSums"/> needs: whether every value is a float32 value, and the widest row sum |bias| + Σ|w|.
/// With AVX, 8×8 blocks: 8 rows of 8 doubles converted, checked and summed in registers, transposed with 24 shuffles
/// and stored as 8 contiguous column pieces (the scalar loop costs about 3.5 cycles per weight, a quarter of a W7
/// recall); edges and other machines take the scalar loop.
/// </summary>
internal static class FloatTranspose
{
    /// <summary>
    /// wT[k·Rp + r] = (float)w[r·cols + k] and biasOut[r] = (float)bias[r], Rp = biasOut.Length; widens
    /// <paramref name="widest"/> to the largest row sum (<paramref name="sums"/>: scratch of at least rows). False when
    /// some value is not a float32 value (NaN included).
    /// </summary>
    public static bool Of(ReadOnlySpan<double> w, int rows, int cols, ReadOnlySpan<double> bias, float[] wT, float[] biasOut, Span<double> sums, ref double widest)
    {
        int rp = biasOut.Length;
        bool floats = true;
        for (int r = 0; r < rows; r++)
        {
            float b = (float)bias[r];
            floats &= b == bias[r];
            biasOut[r] = b;
            sums[r] = Math.Abs(b);
        }
        int rows8 = 0, cols8 = 0;
        if (Avx.IsSupported)
        {
            rows8 = rows & ~7;
            cols8 = cols & ~7;
            floats &= Blocks(w, rows8, cols, cols8, wT, rp, sums);
        }
        // The scalar rest: the last columns of the block rows, then the last rows.
        floats &= Scalar(w, 0, rows8, cols8, cols, wT, rp, sums);
        floats &= Scalar(w, rows8, rows, 0, cols, wT, rp, sums);
        for (int r = 0; r < rows; r++)
            widest = Math.Max(widest, sums[r]);
        return floats;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Scalar(ReadOnlySpan<double> w, int rowFrom, int rowTo, int colFrom, int cols, float[] wT, int rp, Span<double> sums)
    {
        bool floats = true;
        for (int r = rowFrom; r < rowTo; r++)
        {
            double row = 0;
            for (int k = colFrom; k < cols; k++)
            {
                double v = w[r * cols + k];
                float f = (float)v;
                floats &= f == v;
                wT[k * rp + r] = f;
                row += Math.Abs(f);
            }
            sums[r] += row;
        }
        return floats;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Blocks(ReadOnlySpan<double> w, int rows8, int cols, int cols8, float[] wT, int rp, Span<double> sums)
    {
        ref double src = ref MemoryMarshal.GetReference(w);
        ref float dst = ref MemoryMarshal.GetArrayDataReference(wT);
        var same = Vector256<double>.AllBitsSet;
        Span<Vector256<double>> acc = stackalloc Vector256<double>[8];
        for (int r0 = 0; r0 < rows8; r0 += 8)
        {
            acc.Clear();
            for (int k0 = 0; k0 < cols8; k0 += 8)
            {
                var x0 = Row(ref src, (r0 + 0) * cols + k0, ref acc[0], ref same);
                var x1 = Row(ref src, (r0 + 1) * cols + k0, ref acc[1], ref same);
                var x2 = Row(ref src, (r0 + 2) * cols + k0, ref acc[2], ref same);
                var x3 = Row(ref src, (r0 + 3) * cols + k0, ref acc[3], ref same);
                var x4 = Row(ref src, (r0 + 4) * cols + k0, ref acc[4], ref same);
                var x5 = Row(ref src, (r0 + 5) * cols + k0, ref acc[5], ref same);
                var x6 = Row(ref src, (r0 + 6) * cols + k0, ref acc[6], ref same);
                var x7 = Row(ref src, (r0 + 7) * cols + k0, ref acc[7], ref same);
                // The classic 8×8 transpose: pairs, quads, then 128-bit halves.
                var t0 = Avx.UnpackLow(x0, x1); var t1 = Avx.UnpackHigh(x0, x1);
                var t2 = Avx.UnpackLow(x2, x3); var t3 = Avx.UnpackHigh(x2, x3);
                var t4 = Avx.UnpackLow(x4, x5); var t5 = Avx.UnpackHigh(x4, x5);
                var t6 = Avx.UnpackLow(x6, x7); var t7 = Avx.UnpackHigh(x6, x7);
                var s0 = Avx.Shuffle(t0, t2, 0x44); var s1 = Avx.Shuffle(t0, t2, 0xEE);
                var s2 = Avx.Shuffle(t1, t3, 0x44); var s3 = Avx.Shuffle(t1, t3, 0xEE);
                var s4 = Avx.Shuffle(t4, t6, 0x44); var s5 = Avx.Shuffle(t4, t6, 0xEE);
                var s6 = Avx.Shuffle(t5, t7, 0x44); var s7 = Avx.Shuffle(t5, t7, 0xEE);
                ref float col = ref Unsafe.Add(ref dst, k0 * rp + r0);
                Avx.Permute2x128(s0, s4, 0x20).StoreUnsafe(ref col);
                Avx.Permute2x128(s1, s5, 0x20).StoreUnsafe(ref col, (nuint)rp);
                Avx.Permute2x128(s2, s6, 0x20).StoreUnsafe(ref col, (nuint)(2 * rp));
                Avx.Permute2x128(s3, s7, 0x20).StoreUnsafe(ref col, (nuint)(3 * rp));
                Avx.Permute2x128(s0, s4, 0x31).StoreUnsafe(ref col, (nuint)(4 * rp));
                Avx.Permute2x128(s1, s5, 0x31).StoreUnsafe(ref col, (nuint)(5 * rp));
                Avx.Permute2x128(s2, s6, 0x31).StoreUnsafe(ref col, (nuint)(6 * rp));
                Avx.Permute2x128(s3, s7, 0x31).StoreUnsafe(ref col, (nuint)(7 * rp));
            }
            for (int i = 0; i < 8; i++)
                sums[r0 + i] += Vector256.Sum(acc[i]);
        }
        // Compared as bits: all-ones is a NaN as a double.
        return Vector256.EqualsAll(same.AsUInt64(), Vector256<ulong>.AllBitsSet);
    }

    /// <summary>8 doubles of a row as 8 floats; adds their |·| to the row's sums and clears lanes of <paramref name="same"/> that did not survive float32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(ref double src, int offset, ref Vector256<double> acc, ref Vector256<double> same)
    {
        var d0 = Vector256.LoadUnsafe(ref src, (nuint)offset);
        var d1 = Vector256.LoadUnsafe(ref src, (nuint)(offset + 4));
        var f0 = Avx.ConvertToVector128Single(d0);
        var f1 = Avx.ConvertToVector128Single(d1);
        same &= Vector256.Equals(Avx.ConvertToVector256Double(f0), d0) & Vector256.Equals(Avx.ConvertToVector256Double(f1), d1);
        acc += Vector256.Abs(d0) + Vector256.Abs(d1);
        return Vector256.Create(f0, f1);
    }
}
