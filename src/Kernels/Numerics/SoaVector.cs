using ILGPU;

namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// Member <see cref="Member"/> of an ensemble stored structure-of-arrays, member index fastest:
/// component i lives at i * Stride + Member, so consecutive GPU threads read consecutive addresses.
/// </summary>
public readonly struct SoaVector<T>(ArrayView<T> data, int stride, int member) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
{
    public readonly ArrayView<T> Data = data;
    public readonly int Stride = stride;
    public readonly int Member = member;

    public T this[int i] => Data[(long)i * Stride + Member];
    public void Set(int i, T value) => Data[(long)i * Stride + Member] = value;
}

/// <summary>Reads x + ε v from two SoA vectors, for Jacobian–vector products by dual numbers.</summary>
public readonly struct DualSoaIn<T>(SoaVector<T> value, SoaVector<T> tangent) : IVectorIn<Dual<T>>
    where T : unmanaged, IReal<T>
{
    public readonly SoaVector<T> Value = value;
    public readonly SoaVector<T> Tangent = tangent;
    public Dual<T> this[int i] => new(Value[i], Tangent[i]);
}

/// <summary>Writes the value and tangent parts of a dual result to two SoA vectors.</summary>
public readonly struct DualSoaOut<T>(SoaVector<T> value, SoaVector<T> tangent) : IVectorOut<Dual<T>>
    where T : unmanaged, IReal<T>
{
    public readonly SoaVector<T> Value = value;
    public readonly SoaVector<T> Tangent = tangent;

    public void Set(int i, Dual<T> v)
    {
        Value.Set(i, v.Value);
        Tangent.Set(i, v.Tangent);
    }
}
