using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Simd;

/// <summary>The adjoint's lane-vector helpers: Mᵀv and the outer-product accumulation of parameter cotangents.</summary>
internal static partial class SimdMath
{
    /// <summary>
    /// y[j] += Σ_i M[i, j] v[i] for an n × n row-major block (per member or shared, as <see cref="MatVecAdd{T}"/>).
    /// Blocks of eight columns walk each row contiguously: eight independent FMA chains sharing each load of v[i],
    /// the same shape as the forward mat-vec.
    /// </summary>
    public static void MatTransposeVecAdd<T>(SimdParameters<T> m, int tile, int n, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (v.Length < n || y.Length < n || m.Data.Length < m.Offset(tile) + n * n || m.Scalars is { } s && s.Length < n * n)
            throw new ArgumentException("transposed matrix-vector shapes do not match.");
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var yr = ref MemoryMarshal.GetReference(y);
        if (m.Scalars is { } shared)
            MatTransposeColumns<T, T, BroadcastScalar<T>>(ref MemoryMarshal.GetArrayDataReference(shared), n, ref vr, ref yr);
        else
            MatTransposeColumns<T, Vector<T>, LaneVector<T>>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Data), m.Offset(tile)), n, ref vr, ref yr);
    }

    private static void MatTransposeColumns<T, TElement, TLoad>(ref TElement w0, int n, ref Vector<T> vr, ref Vector<T> yr)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoad : struct, IElementLoad<TElement, T>
    {
        int j = 0;
        for (; j + 8 <= n; j += 8)
        {
            ref var c0 = ref Unsafe.Add(ref w0, j);
            ref var y = ref Unsafe.Add(ref yr, j);
            Vector<T> a0 = y, a1 = Unsafe.Add(ref y, 1), a2 = Unsafe.Add(ref y, 2), a3 = Unsafe.Add(ref y, 3);
            Vector<T> a4 = Unsafe.Add(ref y, 4), a5 = Unsafe.Add(ref y, 5), a6 = Unsafe.Add(ref y, 6), a7 = Unsafe.Add(ref y, 7);
            for (int i = 0; i < n; i++)
            {
                var vi = Unsafe.Add(ref vr, i);
                ref var e = ref Unsafe.Add(ref c0, i * n);
                a0 = Fma(TLoad.Load(ref e), vi, a0);
                a1 = Fma(TLoad.Load(ref Unsafe.Add(ref e, 1)), vi, a1);
                a2 = Fma(TLoad.Load(ref Unsafe.Add(ref e, 2)), vi, a2);
                a3 = Fma(TLoad.Load(ref Unsafe.Add(ref e, 3)), vi, a3);
                a4 = Fma(TLoad.Load(ref Unsafe.Add(ref e, 4)), vi, a4);
                a5 = Fma(TLoad.Load(ref Unsafe.Add(ref e, 5)), vi, a5);
                a6 = Fma(TLoad.Load(ref Unsafe.Add(ref e, 6)), vi, a6);
                a7 = Fma(TLoad.Load(ref Unsafe.Add(ref e, 7)), vi, a7);
            }
            y = a0;
            Unsafe.Add(ref y, 1) = a1;
            Unsafe.Add(ref y, 2) = a2;
            Unsafe.Add(ref y, 3) = a3;
            Unsafe.Add(ref y, 4) = a4;
            Unsafe.Add(ref y, 5) = a5;
            Unsafe.Add(ref y, 6) = a6;
            Unsafe.Add(ref y, 7) = a7;
        }
        for (; j < n; j++)
        {
            var acc = Unsafe.Add(ref yr, j);
            for (int i = 0; i < n; i++)
                acc = Fma(TLoad.Load(ref Unsafe.Add(ref w0, i * n + j)), Unsafe.Add(ref vr, i), acc);
            Unsafe.Add(ref yr, j) = acc;
        }
    }

    /// <summary>
    /// c[i·n + j] += Σ_p u_p[i] v_p[j] over <paramref name="count"/> pairs [u_p (n), v_p (n)], pair p at p ·
    /// <paramref name="stride"/>: a parameter cotangent (W̄ += Σ u vᵀ), always per lane since each member's gradient is
    /// kept apart even for a shared W. Each entry of c is loaded and stored once per batch, and its sum runs over the
    /// pairs in order from c whatever the register blocking, so every blocking gives the same bits. Stride ≥ 2n: a stride padded off a multiple of 4 KiB keeps the pairs' u and v blocks from all falling into the
    /// same L1 sets, which at n = 64, stride 2n = 4 KiB, sent every load of the batch to L2). With 32 vector registers
    /// (AVX-512) register blocks of 4 × 4 entries (eight loads serve sixteen FMAs); with 16 (AVX2) blocks of 2 × 4
    /// (eight accumulators, the FMA latency's worth, plus three operands: a 4 × 4 block spilled), walked in panels of 16
    /// columns so that a panel's v blocks stay in L1 while every row block passes over them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OuterBatchAdd<T>(ReadOnlySpan<Vector<T>> pairs, int count, int n, int stride, Span<Vector<T>> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count <= 0)
            return;
        if (stride < 2 * n || pairs.Length < (count - 1) * stride + 2 * n || c.Length < n * n)
            throw new ArgumentException("outer-product shapes do not match.");
        ref var pr = ref MemoryMarshal.GetReference(pairs);
        ref var cr = ref MemoryMarshal.GetReference(c);
        int full = n & ~3;
        if (System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported)
            OuterBlocks4x4(ref pr, count, n, stride, ref cr);
        else
            OuterBlocks2x4(ref pr, count, n, stride, ref cr);
        // The rows and columns beyond the last full block (rows: of two on AVX2, of four on AVX-512).
        int rows = System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported ? full : n & ~1;
        for (int i = 0; i < n; i++)
        {
            for (int j = i < rows ? full : 0; j < n; j++)
            {
                ref var cij = ref Unsafe.Add(ref cr, i * n + j);
                var acc = cij;
                for (int p = 0; p < count; p++)
                    acc = Fma(Unsafe.Add(ref pr, p * stride + i), Unsafe.Add(ref pr, p * stride + n + j), acc);
                cij = acc;
            }
        }
    }

    private static void OuterBlocks4x4<T>(ref Vector<T> pr, int count, int n, int stride, ref Vector<T> cr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int full = n & ~3;
        for (int i = 0; i < full; i += 4)
        {
            for (int j = 0; j < full; j += 4)
            {
                ref var c0 = ref Unsafe.Add(ref cr, i * n + j);
                ref var c1 = ref Unsafe.Add(ref c0, n);
                ref var c2 = ref Unsafe.Add(ref c0, 2 * n);
                ref var c3 = ref Unsafe.Add(ref c0, 3 * n);
                Vector<T> a00 = c0, a01 = Unsafe.Add(ref c0, 1), a02 = Unsafe.Add(ref c0, 2), a03 = Unsafe.Add(ref c0, 3);
                Vector<T> a10 = c1, a11 = Unsafe.Add(ref c1, 1), a12 = Unsafe.Add(ref c1, 2), a13 = Unsafe.Add(ref c1, 3);
                Vector<T> a20 = c2, a21 = Unsafe.Add(ref c2, 1), a22 = Unsafe.Add(ref c2, 2), a23 = Unsafe.Add(ref c2, 3);
                Vector<T> a30 = c3, a31 = Unsafe.Add(ref c3, 1), a32 = Unsafe.Add(ref c3, 2), a33 = Unsafe.Add(ref c3, 3);
                for (int p = 0; p < count; p++)
                {
                    ref var u = ref Unsafe.Add(ref pr, p * stride + i);
                    ref var v = ref Unsafe.Add(ref pr, p * stride + n + j);
                    Vector<T> v0 = v, v1 = Unsafe.Add(ref v, 1), v2 = Unsafe.Add(ref v, 2), v3 = Unsafe.Add(ref v, 3);
                    var u0 = u;
                    a00 = Fma(u0, v0, a00); a01 = Fma(u0, v1, a01); a02 = Fma(u0, v2, a02); a03 = Fma(u0, v3, a03);
                    var u1 = Unsafe.Add(ref u, 1);
                    a10 = Fma(u1, v0, a10); a11 = Fma(u1, v1, a11); a12 = Fma(u1, v2, a12); a13 = Fma(u1, v3, a13);
                    var u2 = Unsafe.Add(ref u, 2);
                    a20 = Fma(u2, v0, a20); a21 = Fma(u2, v1, a21); a22 = Fma(u2, v2, a22); a23 = Fma(u2, v3, a23);
                    var u3 = Unsafe.Add(ref u, 3);
                    a30 = Fma(u3, v0, a30); a31 = Fma(u3, v1, a31); a32 = Fma(u3, v2, a32); a33 = Fma(u3, v3, a33);
                }
                c0 = a00; Unsafe.Add(ref c0, 1) = a01; Unsafe.Add(ref c0, 2) = a02; Unsafe.Add(ref c0, 3) = a03;
                c1 = a10; Unsafe.Add(ref c1, 1) = a11; Unsafe.Add(ref c1, 2) = a12; Unsafe.Add(ref c1, 3) = a13;
                c2 = a20; Unsafe.Add(ref c2, 1) = a21; Unsafe.Add(ref c2, 2) = a22; Unsafe.Add(ref c2, 3) = a23;
                c3 = a30; Unsafe.Add(ref c3, 1) = a31; Unsafe.Add(ref c3, 2) = a32; Unsafe.Add(ref c3, 3) = a33;
            }
        }
    }

    /// <summary>Columns per panel of <see cref="OuterBlocks2x4{T}"/>: 32 pairs × 16 v vectors = 16 KiB of float32 lanes.</summary>
    private const int OuterPanel = 16;

    private static void OuterBlocks2x4<T>(ref Vector<T> pr, int count, int n, int stride, ref Vector<T> cr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int full = n & ~3, rows = n & ~1;
        for (int panel = 0; panel < full; panel += OuterPanel)
        {
            int end = Math.Min(panel + OuterPanel, full);
            for (int i = 0; i < rows; i += 2)
            {
                for (int j = panel; j < end; j += 4)
                {
                    ref var c0 = ref Unsafe.Add(ref cr, i * n + j);
                    ref var c1 = ref Unsafe.Add(ref c0, n);
                    Vector<T> a00 = c0, a01 = Unsafe.Add(ref c0, 1), a02 = Unsafe.Add(ref c0, 2), a03 = Unsafe.Add(ref c0, 3);
                    Vector<T> a10 = c1, a11 = Unsafe.Add(ref c1, 1), a12 = Unsafe.Add(ref c1, 2), a13 = Unsafe.Add(ref c1, 3);
                    ref var u = ref Unsafe.Add(ref pr, i);
                    ref var v = ref Unsafe.Add(ref pr, n + j);
                    for (int p = 0; p < count; p++)
                    {
                        var u0 = u;
                        var u1 = Unsafe.Add(ref u, 1);
                        var v0 = v;
                        a00 = Fma(u0, v0, a00); a10 = Fma(u1, v0, a10);
                        v0 = Unsafe.Add(ref v, 1);
                        a01 = Fma(u0, v0, a01); a11 = Fma(u1, v0, a11);
                        v0 = Unsafe.Add(ref v, 2);
                        a02 = Fma(u0, v0, a02); a12 = Fma(u1, v0, a12);
                        v0 = Unsafe.Add(ref v, 3);
                        a03 = Fma(u0, v0, a03); a13 = Fma(u1, v0, a13);
                        u = ref Unsafe.Add(ref u, stride);
                        v = ref Unsafe.Add(ref v, stride);
                    }
                    c0 = a00; Unsafe.Add(ref c0, 1) = a01; Unsafe.Add(ref c0, 2) = a02; Unsafe.Add(ref c0, 3) = a03;
                    c1 = a10; Unsafe.Add(ref c1, 1) = a11; Unsafe.Add(ref c1, 2) = a12; Unsafe.Add(ref c1, 3) = a13;
                }
            }
        }
    }
}
