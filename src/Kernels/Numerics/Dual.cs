using System.Runtime.InteropServices;

namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// Forward-mode dual number v + ε t with ε² = 0. Evaluating f on x + ε v gives f(x) + ε J(x) v, which is how a
/// model that supplies only f gets its Jacobian–vector product, inside kernels as well as on the CPU.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Dual<T>(T value, T tangent) : IReal<Dual<T>>, ILift<Dual<T>, T>
    where T : unmanaged, IReal<T>
{
    /// <summary>The primal part v.</summary>
    public readonly T Value = value;
    /// <summary>The tangent part t (the coefficient of ε).</summary>
    public readonly T Tangent = tangent;

    /// <summary>Sum; tangents add.</summary>
    public static Dual<T> operator +(Dual<T> a, Dual<T> b) => new(a.Value + b.Value, a.Tangent + b.Tangent);
    /// <summary>Difference; tangents subtract.</summary>
    public static Dual<T> operator -(Dual<T> a, Dual<T> b) => new(a.Value - b.Value, a.Tangent - b.Tangent);
    /// <summary>Product with the product rule: tangent a.t·b.v + a.v·b.t.</summary>
    public static Dual<T> operator *(Dual<T> a, Dual<T> b) => new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);

    /// <summary>Quotient with the quotient rule: tangent (a.t − (a/b)·b.t) / b.v.</summary>
    public static Dual<T> operator /(Dual<T> a, Dual<T> b)
    {
        var q = a.Value / b.Value;
        return new(q, (a.Tangent - q * b.Tangent) / b.Value);
    }

    /// <summary>Negation of both parts.</summary>
    public static Dual<T> operator -(Dual<T> a) => new(-a.Value, -a.Tangent);
    /// <summary>A constant: <paramref name="value"/> with zero tangent.</summary>
    public static Dual<T> FromDouble(double value) => new(T.FromDouble(value), T.FromDouble(0.0));

    /// <summary>tanh with tangent (1 − tanh²(v))·t.</summary>
    public static Dual<T> Tanh(Dual<T> a)
    {
        var t = T.Tanh(a.Value);
        return new(t, (T.FromDouble(1.0) - t * t) * a.Tangent);
    }

    /// <summary>exp with tangent eᵛ·t.</summary>
    public static Dual<T> Exp(Dual<T> a)
    {
        var e = T.Exp(a.Value);
        return new(e, e * a.Tangent);
    }

    /// <summary>sin with tangent cos(v)·t.</summary>
    public static Dual<T> Sin(Dual<T> a) => new(T.Sin(a.Value), T.Cos(a.Value) * a.Tangent);
    /// <summary>cos with tangent −sin(v)·t.</summary>
    public static Dual<T> Cos(Dual<T> a) => new(T.Cos(a.Value), -(T.Sin(a.Value) * a.Tangent));

    /// <summary>max(v, 0); the tangent passes only where v &gt; 0 (H(0) = 0), and a NaN value propagates.</summary>
    public static Dual<T> Relu(Dual<T> a)
    {
        // H(0) = 0: the tangent passes only where the pre-activation is strictly positive.
        // A NaN pre-activation is not <= 0, so it propagates instead of being silently zeroed.
        return a.Value.ToDouble() <= 0.0 ? new(T.FromDouble(0.0), T.FromDouble(0.0)) : a;
    }

    /// <summary>True when both the value and the tangent are finite.</summary>
    public static bool IsFinite(Dual<T> a) => T.IsFinite(a.Value) && T.IsFinite(a.Tangent);
    /// <paramref name="value"/> as a dual number with zero tangent.
    public static Dual<T> Lift(T value) => new(value, T.FromDouble(0.0));
    /// <summary>The primal part with tangent 1.</summary>
    public static Dual<T> Variable(Dual<T> a) => new(a.Value, T.FromDouble(1.0));

    /// <summary>The primal value as double.</summary>
    public double ToDouble() => Value.ToDouble();
}
