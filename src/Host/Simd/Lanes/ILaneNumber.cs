using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Simd.Lanes;

/// <summary>
/// A number type that holds one value per SIMD lane (one tile's members), so a user model's generic f runs once per
/// tile. Besides <see cref="IReal{TSelf}"/> it offers the one lane-wise choice a dual number needs: ReLU's derivative
/// cannot branch on a primal that differs from lane to lane.
/// </summary>
internal interface ILaneNumber<TSelf> : IReal<TSelf> where TSelf : unmanaged, ILaneNumber<TSelf>
{
    /// <summary>0 in the lanes where <paramref name="condition"/> ≤ 0, <paramref name="value"/> elsewhere (NaN conditions keep the value).</summary>
    static abstract TSelf ZeroWhereNotPositive(TSelf condition, TSelf value);
}
