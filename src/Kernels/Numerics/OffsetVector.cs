namespace FastAttractors.Kernels.Numerics;

/// <summary>Elements offset.. of another vector: carves several work vectors out of one per-member buffer.</summary>
public readonly struct OffsetVector<T, TInner>(TInner inner, int offset) : IVectorIn<T>, IVectorOut<T>
    where T : unmanaged
    where TInner : struct, IVectorIn<T>, IVectorOut<T>
{
    public readonly TInner Inner = inner;
    public readonly int Offset = offset;

    public T this[int i] => Inner[Offset + i];
    public void Set(int i, T value) => Inner.Set(Offset + i, value);
}

/// <summary>The unit vector e_c, for assembling a Jacobian column by column from Jacobian–vector products.</summary>
public readonly struct UnitVector<T>(int c) : IVectorIn<T> where T : unmanaged, IReal<T>
{
    public readonly int C = c;

    public T this[int i] => T.FromDouble(i == C ? 1.0 : 0.0);
}
