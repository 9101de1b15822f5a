using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace FastAttractors.Simd;

/// <summary>Lane-vector helpers shared by the tile fields.</summary>
internal static class SimdMath
{
    /// <summary>Σ_j M[row, j] v[j] + init, with M an n × n row-major block of a tile's parameters.</summary>
    public static Vector<T> RowDot<T>(SimdParameters<T> m, int tile, int n, int row, ReadOnlySpan<Vector<T>> v, Vector<T> init)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = m.Data.AsSpan(m.Offset(tile) + row * n, n);
        var acc = init;
        for (int j = 0; j < data.Length; j++)
            acc = Fma(data[j], v[j], acc);
        return acc;
    }

    /// <summary>a · b + c with one rounding; the type test is a JIT-time constant, so no branch remains.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
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
