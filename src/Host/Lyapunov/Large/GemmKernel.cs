using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FastAttractors.Lyapunov.Large;

/// <summary>
/// The register-blocked micro-kernel: an Mr × Nr tile of C held in 12 vector registers (6 rows × 2 Vector256),
/// updated by one FMA per register per step along the shared dimension from one broadcast of A and two loads of B.
/// 12 accumulators + 2 B vectors + 1 broadcast fit the 16 AVX2 registers; 12 independent FMA chains cover the FMA
/// latency (4 cycles × 2 pipes = 8 in flight needed) so the loop is FMA-bound, not latency-bound.
/// </summary>
internal static class GemmKernel
{
    public const int Mr = 6;

    public static int Nr<T>() => 2 * Vector256<T>.Count;

    /// <summary>
    /// C[0..Mr, 0..Nr] (row stride <paramref name="ldc"/>) = (accumulate ? C : 0) + Σ_p a[p·Mr + r] · b[p·Nr + j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T>(ref T a, ref T b, int depth, ref T c, nint ldc, bool accumulate) where T : unmanaged
    {
        nuint w = (nuint)Vector256<T>.Count;
        Vector256<T> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (accumulate)
        {
            ref T r0 = ref c;
            c00 = Vector256.LoadUnsafe(ref r0); c01 = Vector256.LoadUnsafe(ref r0, w);
            ref T r1 = ref Unsafe.Add(ref c, ldc);
            c10 = Vector256.LoadUnsafe(ref r1); c11 = Vector256.LoadUnsafe(ref r1, w);
            ref T r2 = ref Unsafe.Add(ref c, 2 * ldc);
            c20 = Vector256.LoadUnsafe(ref r2); c21 = Vector256.LoadUnsafe(ref r2, w);
            ref T r3 = ref Unsafe.Add(ref c, 3 * ldc);
            c30 = Vector256.LoadUnsafe(ref r3); c31 = Vector256.LoadUnsafe(ref r3, w);
            ref T r4 = ref Unsafe.Add(ref c, 4 * ldc);
            c40 = Vector256.LoadUnsafe(ref r4); c41 = Vector256.LoadUnsafe(ref r4, w);
            ref T r5 = ref Unsafe.Add(ref c, 5 * ldc);
            c50 = Vector256.LoadUnsafe(ref r5); c51 = Vector256.LoadUnsafe(ref r5, w);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<T>.Zero;
        }
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, w);
            var a0 = Vector256.Create(a);
            c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            a = ref Unsafe.Add(ref a, Mr);
            b = ref Unsafe.Add(ref b, 2 * w);
        }
        Store(c00, c01, ref c, w);
        Store(c10, c11, ref Unsafe.Add(ref c, ldc), w);
        Store(c20, c21, ref Unsafe.Add(ref c, 2 * ldc), w);
        Store(c30, c31, ref Unsafe.Add(ref c, 3 * ldc), w);
        Store(c40, c41, ref Unsafe.Add(ref c, 4 * ldc), w);
        Store(c50, c51, ref Unsafe.Add(ref c, 5 * ldc), w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(Vector256<T> lo, Vector256<T> hi, ref T row, nuint w)
    {
        lo.StoreUnsafe(ref row);
        hi.StoreUnsafe(ref row, w);
    }

    /// <summary>a·b + c in one rounding; the type test folds away in each specialisation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        throw new NotSupportedException($"GEMM element type {typeof(T).Name}: only float and double.");
    }
}
