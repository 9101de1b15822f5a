using System.Runtime.CompilerServices;

namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// Neuron k of trial q as a ±1 float, read from one state representation. A struct passed as a generic argument, so
/// the JIT compiles one product kernel per representation with the read inlined (the conversion is the only
/// difference between the three broadcast kernels).
/// </summary>
internal interface ITrialInput
{
    float At(int q, int k);
}

internal readonly struct FloatInput(float[] x, int stride) : ITrialInput
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float At(int q, int k) => Unsafe.Add(ref x[0], q * stride + k);
}

/// <summary>±1 sbyte states, converted to float at each broadcast (movsx + cvtsi2ss).</summary>
internal readonly struct SbyteInput(sbyte[] x, int stride) : ITrialInput
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float At(int q, int k) => Unsafe.Add(ref x[0], q * stride + k);
}

/// <summary>Bit-packed states: bit k of the trial's words mapped to ±1 at each broadcast (shift, and, 2b − 1).</summary>
internal readonly struct BitInput(ulong[] bits, int words) : ITrialInput
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float At(int q, int k) => 2 * (int)((Unsafe.Add(ref bits[0], q * words + (k >> 6)) >> (k & 63)) & 1) - 1;
}
