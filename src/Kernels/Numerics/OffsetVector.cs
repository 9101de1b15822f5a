namespace FastAttractors.Kernels.Numerics;

/// <summary>Elements offset.. of another vector: carves several work vectors out of one per-member buffer.</summary>
public readonly struct OffsetVector<T, TInner>(TInner inner, int offset) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
    where TInner : struct, IVectorIn<T>, IVectorOut<T>
{
    /// <summary>The vector the elements are carved from.</summary>
    public readonly TInner Inner = inner;
    /// <summary>Index in <see cref="Inner"/> of element 0.</summary>
    public readonly int Offset = offset;

    /// <summary>Element i, read from Inner[Offset + i].</summary>
    public T this[int i] => Inner[Offset + i];
    /// <summary>Writes element i to Inner[Offset + i].</summary>
    public void Set(int i, T value) => Inner.Set(Offset + i, value);
}

/// <summary>The unit vector e_c, for assembling a Jacobian column by column from Jacobian–vector products.</summary>
public readonly struct UnitVector<T>(int c) : IVectorIn<T> where T : unmanaged, IReal<T>
{
    /// <summary>The index c of the component that is 1.</summary>
    public readonly int C = c;

    /// <summary>1 at i = c, 0 elsewhere.</summary>
    public T this[int i] => T.FromDouble(i == C ? 1.0 : 0.0);
}
