namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// The arithmetic a model needs, as static abstract members, so one model source compiles for
/// float, double (in ILGPU kernels and on the CPU) and for dual numbers (Jacobian–vector products).
/// The BCL's IFloatingPointIeee754 is far larger than a dual number can sensibly implement, hence this subset.
/// </summary>
public interface IReal<TSelf> where TSelf : unmanaged, IReal<TSelf>
{
    static abstract TSelf operator +(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a, TSelf b);
    static abstract TSelf operator *(TSelf a, TSelf b);
    static abstract TSelf operator /(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a);

    /// <summary>A constant; ILGPU cannot compile generic CreateTruncating, so constants come through here.</summary>
    static abstract TSelf FromDouble(double value);

    static abstract TSelf Tanh(TSelf a);
    static abstract TSelf Exp(TSelf a);
    static abstract TSelf Sin(TSelf a);
    static abstract TSelf Cos(TSelf a);

    /// <summary>max(a, 0); its derivative is the Heaviside step with H(0) = 0 (spec §1, ReluRnn).</summary>
    static abstract TSelf Relu(TSelf a);

    /// <summary>True when the primal value is neither NaN nor infinite.</summary>
    static abstract bool IsFinite(TSelf a);

    /// <summary>The primal value as double, for host-side reporting.</summary>
    double ToDouble();
}

/// <summary>Embeds a model's parameter type <typeparamref name="T"/> into the number type a model is evaluated in.</summary>
public interface ILift<TSelf, T>
    where TSelf : unmanaged
    where T : unmanaged
{
    static abstract TSelf Lift(T value);
}
