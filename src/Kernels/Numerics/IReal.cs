namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// The arithmetic a model needs, as static abstract members, so one model source compiles for
/// float, double (in ILGPU kernels and on the CPU) and for dual numbers (Jacobian–vector products).
/// The BCL's IFloatingPointIeee754 is far larger than a dual number can sensibly implement, hence this subset.
/// </summary>
public interface IReal<TSelf> where TSelf : unmanaged, IReal<TSelf>
{
    /// <summary>The sum a + b.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);
    /// <summary>The difference a − b.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);
    /// <summary>The product a · b.</summary>
    static abstract TSelf operator *(TSelf a, TSelf b);
    /// <summary>The quotient a / b.</summary>
    static abstract TSelf operator /(TSelf a, TSelf b);
    /// <summary>The negation −a.</summary>
    static abstract TSelf operator -(TSelf a);

    /// <summary>A constant; ILGPU cannot compile generic CreateTruncating, so constants come through here.</summary>
    static abstract TSelf FromDouble(double value);

    /// <summary>tanh(a).</summary>
    static abstract TSelf Tanh(TSelf a);
    /// <summary>eᵃ.</summary>
    static abstract TSelf Exp(TSelf a);
    /// <summary>sin(a), a in radians.</summary>
    static abstract TSelf Sin(TSelf a);
    /// <summary>cos(a), a in radians.</summary>
    static abstract TSelf Cos(TSelf a);

    /// <summary>max(a, 0); its derivative is the Heaviside step with H(0) = 0 (as ReluRnn uses it).</summary>
    static abstract TSelf Relu(TSelf a);

    /// <summary>True when the primal value is neither NaN nor infinite.</summary>
    static abstract bool IsFinite(TSelf a);

    /// <summary>
    /// <paramref name="a"/> as the variable a forward derivative is taken with respect to: a dual number's tangent
    /// becomes 1, a plain number is returned unchanged. Parameter tables use it to seed one parameter, so the same f
    /// gives ∂f/∂θ (the parameter cotangents of the adjoint) without a hand-written derivative.
    /// </summary>
    static abstract TSelf Variable(TSelf a);

    /// <summary>The primal value as double, for host-side reporting.</summary>
    double ToDouble();
}

/// <summary>Embeds a model's parameter type <typeparamref name="T"/> into the number type a model is evaluated in.</summary>
public interface ILift<TSelf, T>
    where TSelf : unmanaged
    where T : unmanaged
{
    /// <paramref name="value"/> as a <typeparamref name="TSelf"/> (for a dual number: with zero tangent).
    static abstract TSelf Lift(T value);
}
