using ILGPU;

namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// Column c of member m's n × k tangent frame stored SoA, member fastest: element (i, c) at (c·n + i)·Stride + m, so
/// consecutive GPU threads touch consecutive addresses. The long offset keeps frames over 2³¹ elements addressable.
/// </summary>
public readonly struct SoaColumn<T>(ArrayView<T> data, long offset, int stride) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
{
    /// <summary>The SoA frame buffer of the whole ensemble.</summary>
    public readonly ArrayView<T> Data = data;
    /// <summary>Index in <see cref="Data"/> of element 0 of this column.</summary>
    public readonly long Offset = offset;
    /// <summary>Members in the ensemble: the distance between consecutive elements of the column.</summary>
    public readonly int Stride = stride;

    /// <summary>Element i of the column.</summary>
    public T this[int i] => Data[Offset + (long)i * Stride];
    /// <summary>Writes element i of the column.</summary>
    public void Set(int i, T value) => Data[Offset + (long)i * Stride] = value;

    /// <summary>
    /// Column <paramref name="column"/> of member <paramref name="member"/>'s n × k frame in <paramref name="frame"/>,
    /// which holds <paramref name="stride"/> members.
    /// </summary>
    public static SoaColumn<T> Of(ArrayView<T> frame, int stride, int member, int n, int column) =>
        new(frame, (long)column * n * stride + member, stride);
}
