namespace FastAttractors.Kernels.Numerics;

/// <summary>A contiguous slice of a host array as a model vector: the CPU-side twin of <see cref="SoaVector{T}"/>.</summary>
public readonly struct ArrayVector<T>(T[] data, int offset) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
{
    /// <summary>The backing host array.</summary>
    public readonly T[] Data = data;
    /// <summary>Index in <see cref="Data"/> of element 0.</summary>
    public readonly int Offset = offset;

    /// <summary>Element i, read from Data[Offset + i].</summary>
    public T this[int i] => Data[Offset + i];
    /// <summary>Writes element i to Data[Offset + i].</summary>
    public void Set(int i, T value) => Data[Offset + i] = value;
}
