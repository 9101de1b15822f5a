namespace FastAttractors.Kernels.Numerics;

/// <summary>Reads x + ε v from two vectors.</summary>
public readonly struct DualIn<T, TX, TV>(TX x, TV v) : IVectorIn<Dual<T>>
    where T : unmanaged, IReal<T>
    where TX : struct, IVectorIn<T>
    where TV : struct, IVectorIn<T>
{
    /// <summary>The point x.</summary>
    public readonly TX X = x;
    /// <summary>The tangent direction v.</summary>
    public readonly TV V = v;
    /// <summary>Component i as x_i + ε v_i.</summary>
    public Dual<T> this[int i] => new(X[i], V[i]);
}

/// <summary>Writes only the tangent part of a dual result (J v); the value f(x) is not needed.</summary>
public readonly struct TangentOut<T, TOut>(TOut target) : IVectorOut<Dual<T>>
    where T : unmanaged, IReal<T>
    where TOut : struct, IVectorOut<T>
{
    /// <summary>The vector that receives the tangent parts.</summary>
    public readonly TOut Target = target;
    /// <summary>Writes the tangent part of <paramref name="value"/> to component i of <see cref="Target"/>.</summary>
    public void Set(int i, Dual<T> value) => Target.Set(i, value.Tangent);
}

/// <summary>Dual-number work stored as two vectors of T (value and tangent parts).</summary>
public readonly struct DualPair<T, TV>(TV value, TV tangent) : IVectorIn<Dual<T>>, IVectorOut<Dual<T>>
    where T : unmanaged, IReal<T>
    where TV : struct, IVectorIn<T>, IVectorOut<T>
{
    /// <summary>The vectors holding the value parts and the tangent parts.</summary>
    public readonly TV Value = value, Tangent = tangent;
    /// <summary>Component i as Value[i] + ε Tangent[i].</summary>
    public Dual<T> this[int i] => new(Value[i], Tangent[i]);

    /// <summary>Writes the value and tangent parts of <paramref name="v"/> to component i.</summary>
    public void Set(int i, Dual<T> v)
    {
        Value.Set(i, v.Value);
        Tangent.Set(i, v.Tangent);
    }
}
