using System.Numerics;
using System.Runtime.InteropServices;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// The per-step bookkeeping of recall on one state and one stored pattern, in each representation: equality (does the
/// trajectory sit on the pattern? stops at the first differing vector or word) and the Hamming distance (how many
/// neurons differ). Float and sbyte states are zero padded to whole vectors (<see cref="PackedStates"/>), and the
/// padding is equal in both operands, so it never counts.
/// </summary>
internal static class StateComparisons
{
    public static bool Equal(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int w = Vector<float>.Count;
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        for (int i = 0; i < a.Length; i += w)
            if (!Vector.EqualsAll(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i)))
                return false;
        return true;
    }

    public static bool Equal(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        int w = Vector<sbyte>.Count;
        ref sbyte ra = ref MemoryMarshal.GetReference(a);
        ref sbyte rb = ref MemoryMarshal.GetReference(b);
        for (int i = 0; i < a.Length; i += w)
            if (!Vector.EqualsAll(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i)))
                return false;
        return true;
    }

    public static bool Equal(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i])
                return false;
        return true;
    }

    /// <summary>Lanes that differ: Vector.Equals gives −1 where equal, summed as ints, subtracted from the length.</summary>
    public static int Hamming(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int w = Vector<float>.Count;
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        var equal = Vector<int>.Zero;
        for (int i = 0; i < a.Length; i += w)
            equal += Vector.Equals(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i));
        return a.Length + Vector.Sum(equal);
    }

    /// <summary>
    /// As for floats, with the −1s of Vector&lt;sbyte&gt;.Equals summed in sbyte lanes (at most 127 vectors before they
    /// could overflow: checked) and widened once at the end.
    /// </summary>
    public static int Hamming(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        int w = Vector<sbyte>.Count;
        if (a.Length > 127 * w)
            throw new ArgumentException($"at most {127 * w} neurons, got {a.Length}", nameof(a));
        ref sbyte ra = ref MemoryMarshal.GetReference(a);
        ref sbyte rb = ref MemoryMarshal.GetReference(b);
        var equal = Vector<sbyte>.Zero;
        for (int i = 0; i < a.Length; i += w)
            equal += Vector.Equals(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i));
        Vector.Widen(equal, out Vector<short> low, out Vector<short> high);
        return a.Length + Vector.Sum(low + high);
    }

    public static int Hamming(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int count = 0;
        for (int i = 0; i < a.Length; i++)
            count += BitOperations.PopCount(a[i] ^ b[i]);
        return count;
    }
}
