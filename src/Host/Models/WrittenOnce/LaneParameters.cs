using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Simd;

namespace FastAttractors.Models.WrittenOnce;

/// <summary>
/// The Simd path's table: one lane vector per parameter and member tile (a broadcast vector when shared), handed to
/// the model as its lane number type <typeparamref name="TLanes"/>, so per-member parameters cost one vector load.
/// The member index a model is given on this path is its tile's first member.
/// </summary>
internal readonly struct LaneParameters<TScalar, TLanes>(SimdParameters<TScalar> block, int seed = -1)
    : IParameterTable<LaneParameters<TScalar, TLanes>, TLanes>
    where TScalar : unmanaged, IFloatingPointIeee754<TScalar>
    where TLanes : unmanaged
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TNum Get<TNum>(int p, int member) where TNum : unmanaged, IReal<TNum>, ILift<TNum, TLanes>
    {
        // TileStride is 0 for a shared block, whose broadcast vectors sit at 0..P−1.
        var lanes = block.Data[member / Vector<TScalar>.Count * block.TileStride + p];
        var value = TNum.Lift(Unsafe.BitCast<Vector<TScalar>, TLanes>(lanes));
        return p == seed ? TNum.Variable(value) : value;
    }

    public LaneParameters<TScalar, TLanes> Seeded(int p) => new(block, p);
}
