using System.Numerics;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// The three ways to hold a ±1 state of n neurons: float32 (4 bytes a neuron), sbyte (1 byte) and one bit a neuron in
/// ulong words (bit k of word k/64 set ⇔ neuron k is +1; the unused high bits of the last word are 0). The float and
/// sbyte forms are padded with zeros to whole vectors so kernels need no scalar tail.
/// </summary>
internal static class PackedStates
{
    public static int FloatPadded(int n) => RoundUp(n, Vector<float>.Count);

    public static int SbytePadded(int n) => RoundUp(n, Vector<sbyte>.Count);

    public static int Words(int n) => (n + 63) / 64;

    /// <summary>Bytes of one state of n neurons as stored (padded), for the memory table.</summary>
    public static (int Float32, int Sbyte, int Bits) StoredBytes(int n) => (4 * FloatPadded(n), SbytePadded(n), 8 * Words(n));

    public static void ToFloat(ReadOnlySpan<sbyte> s, Span<float> dst)
    {
        dst.Clear();
        for (int k = 0; k < s.Length; k++)
            dst[k] = s[k];
    }

    public static void ToSbyte(ReadOnlySpan<sbyte> s, Span<sbyte> dst)
    {
        dst.Clear();
        s.CopyTo(dst);
    }

    public static void ToBits(ReadOnlySpan<sbyte> s, Span<ulong> dst)
    {
        dst.Clear();
        for (int k = 0; k < s.Length; k++)
            if (s[k] > 0)
                dst[k >> 6] |= 1UL << (k & 63);
    }

    /// <summary>Bits back to ±1 floats (the first n entries of dst), one word at a time.</summary>
    public static void UnpackBits(ReadOnlySpan<ulong> bits, int n, Span<float> dst)
    {
        for (int k = 0; k < n; k++)
            dst[k] = ((bits[k >> 6] >> (k & 63)) & 1) != 0 ? 1f : -1f;
    }

    private static int RoundUp(int n, int multiple) => (n + multiple - 1) / multiple * multiple;
}
