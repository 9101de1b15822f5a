using ILGPU;

namespace FastAttractors.Kernels.Numerics;

/// <summary>An n × k matrix of one member (element (row, column)), whatever the storage.</summary>
public interface IFrame<T> where T : unmanaged
{
    T Get(int row, int column);
    void Set(int row, int column, T value);
}

/// <summary>Member m's tangent frame in the SoA device layout of <see cref="SoaColumn{T}"/>.</summary>
public readonly struct SoaFrame<T>(ArrayView<T> data, int stride, int member, int n) : IFrame<T> where T : unmanaged
{
    public readonly ArrayView<T> Data = data;
    public readonly int Stride = stride, Member = member, N = n;

    public T Get(int row, int column) => Data[((long)column * N + row) * Stride + Member];
    public void Set(int row, int column, T value) => Data[((long)column * N + row) * Stride + Member] = value;
    public SoaColumn<T> Column(int column) => SoaColumn<T>.Of(Data, Stride, Member, N, column);
}

/// <summary>A column-major n × k host array as a frame: the CPU twin of <see cref="SoaFrame{T}"/>, for tests.</summary>
public readonly struct ArrayFrame<T>(T[] data, int n) : IFrame<T> where T : unmanaged
{
    public readonly T[] Data = data;
    public readonly int N = n;

    public T Get(int row, int column) => Data[column * N + row];
    public void Set(int row, int column, T value) => Data[column * N + row] = value;
}
