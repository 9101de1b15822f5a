using ILGPU;

namespace FastAttractors.Kernels.Numerics;

/// <summary>An n × k matrix of one member (element (row, column)), whatever the storage.</summary>
public interface IFrame<T> where T : unmanaged
{
    /// <summary>Element (row, column).</summary>
    T Get(int row, int column);
    /// <summary>Writes element (row, column).</summary>
    void Set(int row, int column, T value);
}

/// <summary>
/// Member m's n × k tangent frame stored SoA, member fastest: element (i, c) at (c·n + i)·Stride + m, so consecutive
/// GPU threads touch consecutive addresses; column c is slot c (n·Stride values) of the buffer.
/// </summary>
public readonly struct SoaFrame<T>(ArrayView<T> data, int stride, int member, int n) : IFrame<T> where T : unmanaged
{
    /// <summary>The SoA frame buffer of the whole ensemble.</summary>
    public readonly ArrayView<T> Data = data;
    /// <summary>Members in the ensemble (the SoA stride), this member's index, and the state dimension n.</summary>
    public readonly int Stride = stride, Member = member, N = n;

    /// <summary>Element (row, column), at ((column·n + row)·Stride + Member).</summary>
    public T Get(int row, int column) => Data[((long)column * N + row) * Stride + Member];
    /// <summary>Writes element (row, column).</summary>
    public void Set(int row, int column, T value) => Data[((long)column * N + row) * Stride + Member] = value;
    /// <summary>Column <paramref name="column"/> of this member's frame as a vector (slot <paramref name="column"/> of n·Stride values).</summary>
    public SoaVector<T> Column(int column) => SoaSlots.Of(Data, column, (long)N * Stride, Stride, Member);
}

/// <summary>A column-major n × k host array as a frame: the CPU twin of <see cref="SoaFrame{T}"/>, for tests.</summary>
public readonly struct ArrayFrame<T>(T[] data, int n) : IFrame<T> where T : unmanaged
{
    /// <summary>The column-major n × k host array (element (row, column) at column·n + row).</summary>
    public readonly T[] Data = data;
    /// <summary>The number of rows n.</summary>
    public readonly int N = n;

    /// <summary>Element (row, column), at column·n + row.</summary>
    public T Get(int row, int column) => Data[column * N + row];
    /// <summary>Writes element (row, column).</summary>
    public void Set(int row, int column, T value) => Data[column * N + row] = value;
}
