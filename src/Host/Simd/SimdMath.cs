using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Simd;

/// <summary>Lane-vector helpers shared by the tile fields.</summary>
internal static class SimdMath
{
    /// <summary>
    /// y[i] += Σ_j M[i, j] v[j] for an n × n row-major block of a tile's parameters. Four rows at a time share each
    /// load of v[j] (one W load per FMA instead of two loads), and refs replace bounds-checked indexing: this loop is
    /// most of W1's arithmetic.
    /// </summary>
    public static void MatVecAdd<T>(SimdParameters<T> m, int tile, int n, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (v.Length < n || y.Length < n || m.Data.Length < m.Offset(tile) + n * n)
            throw new ArgumentException("matrix-vector shapes do not match.");
        ref var w0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(m.Data), m.Offset(tile));
        ref var vr = ref MemoryMarshal.GetReference(v);
        ref var yr = ref MemoryMarshal.GetReference(y);
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            ref var r0 = ref Unsafe.Add(ref w0, i * n);
            ref var r1 = ref Unsafe.Add(ref r0, n);
            ref var r2 = ref Unsafe.Add(ref r1, n);
            ref var r3 = ref Unsafe.Add(ref r2, n);
            Vector<T> a0 = Unsafe.Add(ref yr, i), a1 = Unsafe.Add(ref yr, i + 1), a2 = Unsafe.Add(ref yr, i + 2), a3 = Unsafe.Add(ref yr, i + 3);
            for (int j = 0; j < n; j++)
            {
                var vj = Unsafe.Add(ref vr, j);
                a0 = Fma(Unsafe.Add(ref r0, j), vj, a0);
                a1 = Fma(Unsafe.Add(ref r1, j), vj, a1);
                a2 = Fma(Unsafe.Add(ref r2, j), vj, a2);
                a3 = Fma(Unsafe.Add(ref r3, j), vj, a3);
            }
            Unsafe.Add(ref yr, i) = a0;
            Unsafe.Add(ref yr, i + 1) = a1;
            Unsafe.Add(ref yr, i + 2) = a2;
            Unsafe.Add(ref yr, i + 3) = a3;
        }
        for (; i < n; i++)
        {
            ref var row = ref Unsafe.Add(ref w0, i * n);
            var acc = Unsafe.Add(ref yr, i);
            for (int j = 0; j < n; j++)
                acc = Fma(Unsafe.Add(ref row, j), Unsafe.Add(ref vr, j), acc);
            Unsafe.Add(ref yr, i) = acc;
        }
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

    /// <summary>Element-wise tanh over lane vectors, through TensorPrimitives' vectorised (and accurate) kernel.</summary>
    public static void Tanh<T>(ReadOnlySpan<Vector<T>> x, Span<Vector<T>> result) where T : unmanaged, IFloatingPointIeee754<T>
        => TensorPrimitives.Tanh(MemoryMarshal.Cast<Vector<T>, T>(x), MemoryMarshal.Cast<Vector<T>, T>(result));

    /// <summary>True in every lane whose value is finite (x − x is 0 for finite x, NaN for NaN and ±∞).</summary>
    public static Vector<T> FiniteMask<T>(Vector<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => Vector.Equals(x - x, Vector<T>.Zero);
}
