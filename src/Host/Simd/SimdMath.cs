using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Simd;

/// <summary>Lane-vector helpers shared by the tile fields.</summary>
internal static class SimdMath
{
    /// <summary>
    /// y[i] += Σ_j M[i, j] v[j] for an n × n row-major block of a tile's parameters; this loop is most of W1's
    /// arithmetic. Eight rows at a time give eight independent FMA chains, enough to cover the FMA latency (4 cycles)
    /// on both FMA pipes (four chains ran at 1.4–1.7 cycles per FMA, eight at 1.0–1.3); each load of v[j] is shared
    /// by the eight rows, and refs replace bounds-checked indexing.
    /// </summary>
    public static void MatVecAdd<T>(SimdParameters<T> m, int tile, int n, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (v.Length < n || y.Length < n || m.Data.Length < m.Offset(tile) + n * n)
            throw new ArgumentException("matrix-vector shapes do not match.");
        if (m.Scalars is { } shared)
        {
            SharedMatVecAdd(shared, n, v, y);
            return;
        }
        ref var w0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Data), m.Offset(tile));
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var yr = ref MemoryMarshal.GetReference(y);
        int i = 0;
        for (; i + 8 <= n; i += 8)
            MatVecRows8(ref Unsafe.Add(ref w0, i * n), n, ref vr, ref Unsafe.Add(ref yr, i));
        for (; i + 4 <= n; i += 4)
            MatVecRows4(ref Unsafe.Add(ref w0, i * n), n, ref vr, ref Unsafe.Add(ref yr, i));
        for (; i < n; i++)
        {
            ref var row = ref Unsafe.Add(ref w0, i * n);
            var acc = Unsafe.Add(ref yr, i);
            for (int j = 0; j < n; j++)
                acc = Fma(Unsafe.Add(ref row, j), Unsafe.Add(ref vr, j), acc);
            Unsafe.Add(ref yr, i) = acc;
        }
    }

    /// <summary>
    /// The shared-matrix form (W2: one network, many initial states): each W element is broadcast from a scalar at
    /// use, so the matrix occupies n² scalars of L1 instead of n² vectors.
    /// </summary>
    private static void SharedMatVecAdd<T>(T[] m, int n, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m.Length < n * n)
            throw new ArgumentException("matrix-vector shapes do not match.");
        ref var w0 = ref MemoryMarshal.GetArrayDataReference(m);
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var yr = ref MemoryMarshal.GetReference(y);
        int i = 0;
        for (; i + 8 <= n; i += 8)
        {
            ref var r0 = ref Unsafe.Add(ref w0, i * n);
            ref var y0 = ref Unsafe.Add(ref yr, i);
            Vector<T> a0 = y0, a1 = Unsafe.Add(ref y0, 1), a2 = Unsafe.Add(ref y0, 2), a3 = Unsafe.Add(ref y0, 3);
            Vector<T> a4 = Unsafe.Add(ref y0, 4), a5 = Unsafe.Add(ref y0, 5), a6 = Unsafe.Add(ref y0, 6), a7 = Unsafe.Add(ref y0, 7);
            for (int j = 0; j < n; j++)
            {
                var vj = Unsafe.Add(ref vr, j);
                ref var c = ref Unsafe.Add(ref r0, j);
                a0 = Fma(new Vector<T>(c), vj, a0);
                a1 = Fma(new Vector<T>(Unsafe.Add(ref c, n)), vj, a1);
                a2 = Fma(new Vector<T>(Unsafe.Add(ref c, 2 * n)), vj, a2);
                a3 = Fma(new Vector<T>(Unsafe.Add(ref c, 3 * n)), vj, a3);
                a4 = Fma(new Vector<T>(Unsafe.Add(ref c, 4 * n)), vj, a4);
                a5 = Fma(new Vector<T>(Unsafe.Add(ref c, 5 * n)), vj, a5);
                a6 = Fma(new Vector<T>(Unsafe.Add(ref c, 6 * n)), vj, a6);
                a7 = Fma(new Vector<T>(Unsafe.Add(ref c, 7 * n)), vj, a7);
            }
            y0 = a0;
            Unsafe.Add(ref y0, 1) = a1;
            Unsafe.Add(ref y0, 2) = a2;
            Unsafe.Add(ref y0, 3) = a3;
            Unsafe.Add(ref y0, 4) = a4;
            Unsafe.Add(ref y0, 5) = a5;
            Unsafe.Add(ref y0, 6) = a6;
            Unsafe.Add(ref y0, 7) = a7;
        }
        for (; i < n; i++)
        {
            ref var row = ref Unsafe.Add(ref w0, i * n);
            var acc = Unsafe.Add(ref yr, i);
            for (int j = 0; j < n; j++)
                acc = Fma(new Vector<T>(Unsafe.Add(ref row, j)), Unsafe.Add(ref vr, j), acc);
            Unsafe.Add(ref yr, i) = acc;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MatVecRows8<T>(ref Vector<T> r0, int n, ref Vector<T> v, ref Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector<T> a0 = y, a1 = Unsafe.Add(ref y, 1), a2 = Unsafe.Add(ref y, 2), a3 = Unsafe.Add(ref y, 3);
        Vector<T> a4 = Unsafe.Add(ref y, 4), a5 = Unsafe.Add(ref y, 5), a6 = Unsafe.Add(ref y, 6), a7 = Unsafe.Add(ref y, 7);
        for (int j = 0; j < n; j++)
        {
            var vj = Unsafe.Add(ref v, j);
            ref var c = ref Unsafe.Add(ref r0, j);
            a0 = Fma(c, vj, a0);
            a1 = Fma(Unsafe.Add(ref c, n), vj, a1);
            a2 = Fma(Unsafe.Add(ref c, 2 * n), vj, a2);
            a3 = Fma(Unsafe.Add(ref c, 3 * n), vj, a3);
            a4 = Fma(Unsafe.Add(ref c, 4 * n), vj, a4);
            a5 = Fma(Unsafe.Add(ref c, 5 * n), vj, a5);
            a6 = Fma(Unsafe.Add(ref c, 6 * n), vj, a6);
            a7 = Fma(Unsafe.Add(ref c, 7 * n), vj, a7);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MatVecRows4<T>(ref Vector<T> r0, int n, ref Vector<T> v, ref Vector<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector<T> a0 = y, a1 = Unsafe.Add(ref y, 1), a2 = Unsafe.Add(ref y, 2), a3 = Unsafe.Add(ref y, 3);
        for (int j = 0; j < n; j++)
        {
            var vj = Unsafe.Add(ref v, j);
            ref var c = ref Unsafe.Add(ref r0, j);
            a0 = Fma(c, vj, a0);
            a1 = Fma(Unsafe.Add(ref c, n), vj, a1);
            a2 = Fma(Unsafe.Add(ref c, 2 * n), vj, a2);
            a3 = Fma(Unsafe.Add(ref c, 3 * n), vj, a3);
        }
        y = a0;
        Unsafe.Add(ref y, 1) = a1;
        Unsafe.Add(ref y, 2) = a2;
        Unsafe.Add(ref y, 3) = a3;
    }

    /// <summary>a · b + c with one rounding; the type test is a JIT-time constant, so no branch remains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Fma<T>(Vector<T> a, Vector<T> b, Vector<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        return a * b + c;
    }

    /// <summary>
    /// Element-wise tanh over lane vectors: float32 by <see cref="RationalTanh"/> (2.5e-7 absolute), float64 through
    /// TensorPrimitives' vectorised kernel (about 1 ulp).
    /// </summary>
    public static void Tanh<T>(ReadOnlySpan<Vector<T>> x, Span<Vector<T>> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var xs = MemoryMarshal.Cast<Vector<T>, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<Vector<T>, Vector<float>>(result);
            if (ys.Length < xs.Length)
                throw new ArgumentException("tanh: result is shorter than the input.");
            for (int i = 0; i < xs.Length; i++)
                ys[i] = RationalTanh.Evaluate(xs[i]);
            return;
        }
        TensorPrimitives.Tanh(MemoryMarshal.Cast<Vector<T>, T>(x), MemoryMarshal.Cast<Vector<T>, T>(result));
    }

    /// <summary>True in every lane whose value is finite (x − x is 0 for finite x, NaN for NaN and ±∞).</summary>
    public static Vector<T> FiniteMask<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => Vector.Equals(x - x, Vector<T>.Zero);
}
