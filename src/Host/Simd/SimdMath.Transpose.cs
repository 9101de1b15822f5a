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

    /// <summary>
    /// The backward product of a field whose Jacobian is d ⊙ (W ·) plus a diagonal the caller has already written into
    /// <paramref name="xBar"/>: g = d ⊙ a goes to outer[..n] with x after it (the pair the deferred W̄ += g xᵀ reads),
    /// and xBar += Wᵀ g.
    /// </summary>
    public static void GatedTransposeVecAdd<T>(SimdParameters<T> w, int tile, int n, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> d,
        ReadOnlySpan<Vector<T>> a, Span<Vector<T>> xBar, Span<Vector<T>> outer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = outer[..n];
        for (int i = 0; i < n; i++)
            g[i] = d[i] * a[i];
        MatTransposeVecAdd<T>(w, tile, n, g, xBar);
        x[..n].CopyTo(outer.Slice(n, n));
    }

    /// <summary>
    /// y[j] = d[j] · (Σ_i M[i, j] v[i]) − v[j]: the transposed product from zero with the tanh-network VJP's epilogue
    /// fused in (Jᵀa = −u + d ⊙ (Wᵀu) with u = a/τ), one pass over y instead of clearing it, accumulating into it and
    /// rescaling it. The same operations in the same order as clearing y, <see cref="MatTransposeVecAdd{T}"/>, then
    /// y[j] = d[j] · y[j] − v[j] (a product, then a difference), so the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatTransposeVecScaled<T>(SimdParameters<T> m, int tile, int n, ReadOnlySpan<Vector<T>> v, ReadOnlySpan<Vector<T>> d, Span<Vector<T>> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (v.Length < n || d.Length < n || y.Length < n || m.Data.Length < m.Offset(tile) + n * n || m.Scalars is { } s && s.Length < n * n)
            throw new ArgumentException("transposed matrix-vector shapes do not match.");
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var dr = ref MemoryMarshal.GetReference(d);
        ref var yr = ref MemoryMarshal.GetReference(y);
        if (m.Scalars is { } shared)
            MatTransposeScaled<T, T, BroadcastScalar<T>>(ref MemoryMarshal.GetArrayDataReference(shared), n, ref vr, ref dr, ref yr);
        else
            MatTransposeScaled<T, Vector<T>, LaneVector<T>>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Data), m.Offset(tile)), n, ref vr, ref dr, ref yr);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MatTransposeScaled<T, TElement, TLoad>(ref TElement w0, int n, ref Vector<T> vr, ref Vector<T> dr, ref Vector<T> yr)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoad : struct, IElementLoad<TElement, T>
    {
        int j = 0;
        for (; j + 8 <= n; j += 8)
        {
            ref var c0 = ref Unsafe.Add(ref w0, j);
            Vector<T> a0 = Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = Vector<T>.Zero, a3 = Vector<T>.Zero;
            Vector<T> a4 = Vector<T>.Zero, a5 = Vector<T>.Zero, a6 = Vector<T>.Zero, a7 = Vector<T>.Zero;
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
            ref var y = ref Unsafe.Add(ref yr, j);
            ref var d = ref Unsafe.Add(ref dr, j);
            ref var u = ref Unsafe.Add(ref vr, j);
            y = d * a0 - u;
            Unsafe.Add(ref y, 1) = Unsafe.Add(ref d, 1) * a1 - Unsafe.Add(ref u, 1);
            Unsafe.Add(ref y, 2) = Unsafe.Add(ref d, 2) * a2 - Unsafe.Add(ref u, 2);
            Unsafe.Add(ref y, 3) = Unsafe.Add(ref d, 3) * a3 - Unsafe.Add(ref u, 3);
            Unsafe.Add(ref y, 4) = Unsafe.Add(ref d, 4) * a4 - Unsafe.Add(ref u, 4);
            Unsafe.Add(ref y, 5) = Unsafe.Add(ref d, 5) * a5 - Unsafe.Add(ref u, 5);
            Unsafe.Add(ref y, 6) = Unsafe.Add(ref d, 6) * a6 - Unsafe.Add(ref u, 6);
            Unsafe.Add(ref y, 7) = Unsafe.Add(ref d, 7) * a7 - Unsafe.Add(ref u, 7);
        }
        for (; j < n; j++)
        {
            var acc = Vector<T>.Zero;
            for (int i = 0; i < n; i++)
                acc = Fma(TLoad.Load(ref Unsafe.Add(ref w0, i * n + j)), Unsafe.Add(ref vr, i), acc);
            Unsafe.Add(ref yr, j) = Unsafe.Add(ref dr, j) * acc - Unsafe.Add(ref vr, j);
        }
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
    /// c[i·n + j] += Σ_p u_p[i] v_p[j] over <paramref name="count"/> pairs stored [u_p (n), v_p (n)] one after another:
    /// a parameter cotangent (W̄ += Σ u vᵀ), always per lane since each member's gradient is kept apart even for a
    /// shared W. The pairs are first packed (<see cref="PackOuter{T}"/>) into <paramref name="packed"/> (2 n ×
    /// <paramref name="rowStride"/> lane vectors, rowStride ≥ count), then <see cref="OuterPackedAdd{T}"/>.
    /// </summary>
    public static void OuterBatchAdd<T>(ReadOnlySpan<Vector<T>> pairs, int count, int n, Span<Vector<T>> packed, int rowStride, Span<Vector<T>> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        PackOuter(pairs, count, n, packed, rowStride);
        OuterPackedAdd<T>(packed, count, n, rowStride, c);
    }

    /// <summary>
    /// Pairs [u_p, v_p] (pair p at 2n·p) to rows: u_p[i] at i · rowStride + p, v_p[j] at (n + j) · rowStride + p, so
    /// that the product reads each row's pairs contiguously (the pairs' own layout made every block of the product touch
    /// one 4 KiB page per pair at n = 64, and put them all in the same L1 sets).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackOuter<T>(ReadOnlySpan<Vector<T>> pairs, int count, int n, Span<Vector<T>> packed, int rowStride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count > rowStride || pairs.Length < 2 * n * count || packed.Length < 2 * n * rowStride)
            throw new ArgumentException("outer-product shapes do not match.");
        ref var pr = ref MemoryMarshal.GetReference(pairs);
        ref var qr = ref MemoryMarshal.GetReference(packed);
        for (int p = 0; p < count; p++)
        {
            ref var pair = ref Unsafe.Add(ref pr, 2 * n * p);
            ref var column = ref Unsafe.Add(ref qr, p);
            for (int i = 0; i < 2 * n; i++)
                Unsafe.Add(ref column, i * rowStride) = Unsafe.Add(ref pair, i);
        }
    }

    /// <summary>
    /// c[i·n + j] += Σ_p U[i, p] V[j, p] over p &lt; <paramref name="count"/>, U's row i at i · rowStride and V's row j at
    /// (n + j) · rowStride of <paramref name="packed"/>. Each entry of c is loaded and stored once per batch and summed
    /// over p in order from c whatever the register blocking, so every blocking gives the same bits (and the same as
    /// adding the pairs one by one). With 32 vector registers (AVX-512) blocks of 4 × 4 entries (eight loads serve
    /// sixteen FMAs); with 16 (AVX2) blocks of 2 × 4 (eight accumulators, the FMA latency's worth, and three operands: a
    /// 4 × 4 block spilled), in panels of 16 columns so that a panel's V rows stay in L1 while every row block passes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OuterPackedAdd<T>(ReadOnlySpan<Vector<T>> packed, int count, int n, int rowStride, Span<Vector<T>> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count <= 0)
            return;
        if (count > rowStride || packed.Length < 2 * n * rowStride || c.Length < n * n)
            throw new ArgumentException("outer-product shapes do not match.");
        ref var ur = ref MemoryMarshal.GetReference(packed);
        ref var vr = ref Unsafe.Add(ref ur, n * rowStride);
        ref var cr = ref MemoryMarshal.GetReference(c);
        int full = n & ~3;
        bool wide = System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported;
        if (wide)
            OuterBlocks4x4(ref ur, ref vr, count, n, rowStride, ref cr);
        else
            OuterBlocks2x4(ref ur, ref vr, count, n, rowStride, ref cr);
        // The rows and columns beyond the last full block (rows: of four on AVX-512, of two otherwise).
        int rows = wide ? full : n & ~1;
        for (int i = 0; i < n; i++)
        {
            ref var u = ref Unsafe.Add(ref ur, i * rowStride);
            for (int j = i < rows ? full : 0; j < n; j++)
            {
                ref var v = ref Unsafe.Add(ref vr, j * rowStride);
                ref var cij = ref Unsafe.Add(ref cr, i * n + j);
                var acc = cij;
                for (int p = 0; p < count; p++)
                    acc = Fma(Unsafe.Add(ref u, p), Unsafe.Add(ref v, p), acc);
                cij = acc;
            }
        }
    }

    private static void OuterBlocks4x4<T>(ref Vector<T> ur, ref Vector<T> vr, int count, int n, int rs, ref Vector<T> cr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int full = n & ~3;
        for (int i = 0; i < full; i += 4)
        {
            ref var u0 = ref Unsafe.Add(ref ur, i * rs);
            ref var u1 = ref Unsafe.Add(ref u0, rs);
            ref var u2 = ref Unsafe.Add(ref u0, 2 * rs);
            ref var u3 = ref Unsafe.Add(ref u0, 3 * rs);
            for (int j = 0; j < full; j += 4)
            {
                ref var c0 = ref Unsafe.Add(ref cr, i * n + j);
                ref var c1 = ref Unsafe.Add(ref c0, n);
                ref var c2 = ref Unsafe.Add(ref c0, 2 * n);
                ref var c3 = ref Unsafe.Add(ref c0, 3 * n);
                ref var w0 = ref Unsafe.Add(ref vr, j * rs);
                ref var w1 = ref Unsafe.Add(ref w0, rs);
                ref var w2 = ref Unsafe.Add(ref w0, 2 * rs);
                ref var w3 = ref Unsafe.Add(ref w0, 3 * rs);
                Vector<T> a00 = c0, a01 = Unsafe.Add(ref c0, 1), a02 = Unsafe.Add(ref c0, 2), a03 = Unsafe.Add(ref c0, 3);
                Vector<T> a10 = c1, a11 = Unsafe.Add(ref c1, 1), a12 = Unsafe.Add(ref c1, 2), a13 = Unsafe.Add(ref c1, 3);
                Vector<T> a20 = c2, a21 = Unsafe.Add(ref c2, 1), a22 = Unsafe.Add(ref c2, 2), a23 = Unsafe.Add(ref c2, 3);
                Vector<T> a30 = c3, a31 = Unsafe.Add(ref c3, 1), a32 = Unsafe.Add(ref c3, 2), a33 = Unsafe.Add(ref c3, 3);
                for (int p = 0; p < count; p++)
                {
                    Vector<T> v0 = Unsafe.Add(ref w0, p), v1 = Unsafe.Add(ref w1, p), v2 = Unsafe.Add(ref w2, p), v3 = Unsafe.Add(ref w3, p);
                    var x = Unsafe.Add(ref u0, p);
                    a00 = Fma(x, v0, a00); a01 = Fma(x, v1, a01); a02 = Fma(x, v2, a02); a03 = Fma(x, v3, a03);
                    x = Unsafe.Add(ref u1, p);
                    a10 = Fma(x, v0, a10); a11 = Fma(x, v1, a11); a12 = Fma(x, v2, a12); a13 = Fma(x, v3, a13);
                    x = Unsafe.Add(ref u2, p);
                    a20 = Fma(x, v0, a20); a21 = Fma(x, v1, a21); a22 = Fma(x, v2, a22); a23 = Fma(x, v3, a23);
                    x = Unsafe.Add(ref u3, p);
                    a30 = Fma(x, v0, a30); a31 = Fma(x, v1, a31); a32 = Fma(x, v2, a32); a33 = Fma(x, v3, a33);
                }
                c0 = a00; Unsafe.Add(ref c0, 1) = a01; Unsafe.Add(ref c0, 2) = a02; Unsafe.Add(ref c0, 3) = a03;
                c1 = a10; Unsafe.Add(ref c1, 1) = a11; Unsafe.Add(ref c1, 2) = a12; Unsafe.Add(ref c1, 3) = a13;
                c2 = a20; Unsafe.Add(ref c2, 1) = a21; Unsafe.Add(ref c2, 2) = a22; Unsafe.Add(ref c2, 3) = a23;
                c3 = a30; Unsafe.Add(ref c3, 1) = a31; Unsafe.Add(ref c3, 2) = a32; Unsafe.Add(ref c3, 3) = a33;
            }
        }
    }

    /// <summary>Columns per panel of <see cref="OuterBlocks2x4{T}"/>: 16 V rows of 32 pairs = 16 KiB of float32 lanes.</summary>
    private const int OuterPanel = 16;

    private static void OuterBlocks2x4<T>(ref Vector<T> ur, ref Vector<T> vr, int count, int n, int rs, ref Vector<T> cr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int full = n & ~3, rows = n & ~1;
        for (int panel = 0; panel < full; panel += OuterPanel)
        {
            int end = Math.Min(panel + OuterPanel, full);
            for (int i = 0; i < rows; i += 2)
            {
                ref var u0 = ref Unsafe.Add(ref ur, i * rs);
                ref var u1 = ref Unsafe.Add(ref u0, rs);
                for (int j = panel; j < end; j += 4)
                {
                    ref var c0 = ref Unsafe.Add(ref cr, i * n + j);
                    ref var c1 = ref Unsafe.Add(ref c0, n);
                    ref var w0 = ref Unsafe.Add(ref vr, j * rs);
                    ref var w1 = ref Unsafe.Add(ref w0, rs);
                    ref var w2 = ref Unsafe.Add(ref w0, 2 * rs);
                    ref var w3 = ref Unsafe.Add(ref w0, 3 * rs);
                    Vector<T> a00 = c0, a01 = Unsafe.Add(ref c0, 1), a02 = Unsafe.Add(ref c0, 2), a03 = Unsafe.Add(ref c0, 3);
                    Vector<T> a10 = c1, a11 = Unsafe.Add(ref c1, 1), a12 = Unsafe.Add(ref c1, 2), a13 = Unsafe.Add(ref c1, 3);
                    for (int p = 0; p < count; p++)
                    {
                        var x0 = Unsafe.Add(ref u0, p);
                        var x1 = Unsafe.Add(ref u1, p);
                        var v = Unsafe.Add(ref w0, p);
                        a00 = Fma(x0, v, a00); a10 = Fma(x1, v, a10);
                        v = Unsafe.Add(ref w1, p);
                        a01 = Fma(x0, v, a01); a11 = Fma(x1, v, a11);
                        v = Unsafe.Add(ref w2, p);
                        a02 = Fma(x0, v, a02); a12 = Fma(x1, v, a12);
                        v = Unsafe.Add(ref w3, p);
                        a03 = Fma(x0, v, a03); a13 = Fma(x1, v, a13);
                    }
                    c0 = a00; Unsafe.Add(ref c0, 1) = a01; Unsafe.Add(ref c0, 2) = a02; Unsafe.Add(ref c0, 3) = a03;
                    c1 = a10; Unsafe.Add(ref c1, 1) = a11; Unsafe.Add(ref c1, 2) = a12; Unsafe.Add(ref c1, 3) = a13;
                }
            }
        }
    }
}
