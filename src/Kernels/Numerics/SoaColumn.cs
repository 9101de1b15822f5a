using ILGPU;

namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// Column c of member m's n × k tangent frame stored SoA, member fastest: element (i, c) at (c·n + i)·Stride + m, so
/// consecutive GPU threads touch consecutive addresses. The long offset keeps frames over 2³¹ elements addressable.
/// </summary>
public readonly struct SoaColumn<T>(ArrayView<T> data, long offset, int stride) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
{
    public readonly ArrayView<T> Data = data;
    public readonly long Offset = offset;
    public readonly int Stride = stride;

    public T this[int i] => Data[Offset + (long)i * Stride];
    public void Set(int i, T value) => Data[Offset + (long)i * Stride] = value;

    public static SoaColumn<T> Of(ArrayView<T> frame, int stride, int member, int n, int column) =>
        new(frame, (long)column * n * stride + member, stride);
}
