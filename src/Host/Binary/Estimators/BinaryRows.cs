using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The two row kernels every fast binary path is built from: a dot product and an axpy over Vector&lt;T&gt; lanes.
/// States are ±1 (or 0/1) stored as T, not sbyte or bits: the weights are T, so a packed state would have to be widened
/// to T lanes before every multiply, and a T×N block of states (50 × 100 floats = 20 KB) still sits in L1/L2.
/// </summary>
internal static class BinaryRows
{
    /// <summary>Σ_k a_k b_k over lanes, then the tail; on the dyadic grid every partial sum is exact, so any order agrees.</summary>
    public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, INumber<T>
    {
        int n = a.Length, w = Vector<T>.Count, k = 0;
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        if (b.Length < n)
            throw new ArgumentException($"b holds {b.Length} values, {n} needed.", nameof(b));
        // Two accumulators hide the add latency for the N ≈ 100 rows of the workloads.
        Vector<T> acc0 = Vector<T>.Zero, acc1 = Vector<T>.Zero;
        for (; k <= n - 2 * w; k += 2 * w)
        {
            acc0 += Vector.LoadUnsafe(ref ra, (nuint)k) * Vector.LoadUnsafe(ref rb, (nuint)k);
            acc1 += Vector.LoadUnsafe(ref ra, (nuint)(k + w)) * Vector.LoadUnsafe(ref rb, (nuint)(k + w));
        }
        for (; k <= n - w; k += w)
            acc0 += Vector.LoadUnsafe(ref ra, (nuint)k) * Vector.LoadUnsafe(ref rb, (nuint)k);
        T sum = Vector.Sum(acc0 + acc1);
        for (; k < n; k++)
            sum += Unsafe.Add(ref ra, k) * Unsafe.Add(ref rb, k);
        return sum;
    }

    /// <summary>y += alpha·x.</summary>
    public static void AddScaled<T>(Span<T> y, T alpha, ReadOnlySpan<T> x) where T : unmanaged, INumber<T>
    {
        int n = y.Length, w = Vector<T>.Count, k = 0;
        if (x.Length < n)
            throw new ArgumentException($"x holds {x.Length} values, {n} needed.", nameof(x));
        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rx = ref MemoryMarshal.GetReference(x);
        var va = new Vector<T>(alpha);
        for (; k <= n - w; k += w)
            (Vector.LoadUnsafe(ref ry, (nuint)k) + va * Vector.LoadUnsafe(ref rx, (nuint)k)).StoreUnsafe(ref ry, (nuint)k);
        for (; k < n; k++)
            Unsafe.Add(ref ry, k) += alpha * Unsafe.Add(ref rx, k);
    }
}
