using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Simd.Lanes;

/// <summary>
/// Up to four lane numbers held by value, as a model's input vector: a tile's state for a system of dimension ≤ 4.
/// By value rather than through a pointer so that, once the model's f is inlined, the JIT keeps the components in
/// vector registers (a pointer would pin them to memory). Components past <see cref="LaneQuad{TNum}"/>'s four read the
/// fourth; callers use it only for models of dimension ≤ <see cref="Capacity"/>.
/// </summary>
internal readonly struct LaneQuad<TNum>(TNum x0, TNum x1, TNum x2, TNum x3) : IVectorIn<TNum>
    where TNum : unmanaged
{
    /// <summary>The largest dimension a quad holds.</summary>
    public const int Capacity = 4;

    private readonly TNum x0 = x0, x1 = x1, x2 = x2, x3 = x3;

    public TNum this[int i]
    {
        // A model indexes with constants (x[0], x[1], …) or a loop the JIT unrolls, so the switch folds away.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => i switch { 0 => x0, 1 => x1, 2 => x2, _ => x3 };
    }
}
