using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Simd.Lanes;

/// <summary>
/// A tile's vector (component i at <c>data[i]</c>, one lane per member) as a model vector. A pointer, not a span,
/// because a user model takes its vectors as plain struct type arguments, which cannot hold a span; callers pin the
/// tile's buffer for the duration of one evaluation.
/// </summary>
internal readonly unsafe struct LanePointer<TNum>(TNum* data) : IVectorIn<TNum>, IVectorOut<TNum>
    where TNum : unmanaged
{
    private readonly TNum* data = data;

    public TNum this[int i] => data[i];
    public void Set(int i, TNum value) => data[i] = value;
}
