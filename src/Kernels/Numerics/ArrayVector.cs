namespace FastAttractors.Kernels.Numerics;

/// <summary>A contiguous slice of a host array as a model vector: the CPU-side twin of <see cref="SoaVector{T}"/>.</summary>
public readonly struct ArrayVector<T>(T[] data, int offset) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
{
    public readonly T[] Data = data;
    public readonly int Offset = offset;

    public T this[int i] => Data[Offset + i];
    public void Set(int i, T value) => Data[Offset + i] = value;
}
