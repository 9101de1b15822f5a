using ILGPU;

namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// Member <see cref="Member"/> of an ensemble stored structure-of-arrays, member index fastest:
/// component i lives at i * Stride + Member, so consecutive GPU threads read consecutive addresses.
/// </summary>
public readonly struct SoaVector<T>(ArrayView<T> data, int stride, int member) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
{
    /// <summary>The SoA buffer of the whole ensemble.</summary>
    public readonly ArrayView<T> Data = data;
    /// <summary>Members in the ensemble: the distance between consecutive components.</summary>
    public readonly int Stride = stride;
    /// <summary>This member's index.</summary>
    public readonly int Member = member;

    /// <summary>Component i, at i·Stride + Member.</summary>
    public T this[int i] => Data[(long)i * Stride + Member];
    /// <summary>Writes component i.</summary>
    public void Set(int i, T value) => Data[(long)i * Stride + Member] = value;
}

/// <summary>
/// Slots of a multi-vector SoA buffer (one per RK stage, checkpoint, loss step…): slot s holds slotLength values from
/// s·slotLength on, member fastest inside, so one member's vector in it is a <see cref="SoaVector{T}"/>.
/// </summary>
internal static class SoaSlots
{
    /// <summary>Member <paramref name="member"/>'s vector in slot <paramref name="slot"/> of <paramref name="data"/>.</summary>
    public static SoaVector<T> Of<T>(ArrayView<T> data, long slot, long slotLength, int members, int member) where T : unmanaged =>
        new(data.SubView(slot * slotLength, slotLength), members, member);
}

/// <summary>Reads x + ε v from two SoA vectors, for Jacobian–vector products by dual numbers.</summary>
public readonly struct DualSoaIn<T>(SoaVector<T> value, SoaVector<T> tangent) : IVectorIn<Dual<T>>
    where T : unmanaged, IReal<T>
{
    /// <summary>The SoA vector holding the primal values x.</summary>
    public readonly SoaVector<T> Value = value;
    /// <summary>The SoA vector holding the tangents v.</summary>
    public readonly SoaVector<T> Tangent = tangent;
    /// <summary>Component i as the dual number x_i + ε v_i.</summary>
    public Dual<T> this[int i] => new(Value[i], Tangent[i]);
}

/// <summary>Writes the value and tangent parts of a dual result to two SoA vectors.</summary>
public readonly struct DualSoaOut<T>(SoaVector<T> value, SoaVector<T> tangent) : IVectorOut<Dual<T>>
    where T : unmanaged, IReal<T>
{
    /// <summary>The SoA vector that receives the primal values.</summary>
    public readonly SoaVector<T> Value = value;
    /// <summary>The SoA vector that receives the tangents.</summary>
    public readonly SoaVector<T> Tangent = tangent;

    /// <summary>
    /// Writes the value of <paramref name="v"/> to <see cref="Value"/> and its tangent to <see cref="Tangent"/>.
    /// </summary>
    public void Set(int i, Dual<T> v)
    {
        Value.Set(i, v.Value);
        Tangent.Set(i, v.Tangent);
    }
}
