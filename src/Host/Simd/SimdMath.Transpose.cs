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
    /// c[i·n + j] += u[i] v[j]: a parameter cotangent (W̄ += u vᵀ), always per lane since each member's gradient is
    /// kept apart even for a shared W.
    /// </summary>
    public static void OuterAdd<T>(ReadOnlySpan<Vector<T>> u, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> c, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (u.Length < n || v.Length < n || c.Length < n * n)
            throw new ArgumentException("outer-product shapes do not match.");
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var cr = ref MemoryMarshal.GetReference(c);
        for (int i = 0; i < n; i++)
        {
            var ui = u[i];
            ref var row = ref Unsafe.Add(ref cr, i * n);
            for (int j = 0; j < n; j++)
                Unsafe.Add(ref row, j) = Fma(ui, Unsafe.Add(ref vr, j), Unsafe.Add(ref row, j));
        }
    }
}
