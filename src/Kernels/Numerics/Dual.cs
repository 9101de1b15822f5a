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
    public readonly T Value = value;
    public readonly T Tangent = tangent;

    public static Dual<T> operator +(Dual<T> a, Dual<T> b) => new(a.Value + b.Value, a.Tangent + b.Tangent);
    public static Dual<T> operator -(Dual<T> a, Dual<T> b) => new(a.Value - b.Value, a.Tangent - b.Tangent);
    public static Dual<T> operator *(Dual<T> a, Dual<T> b) => new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);

    public static Dual<T> operator /(Dual<T> a, Dual<T> b)
    {
        var q = a.Value / b.Value;
        return new(q, (a.Tangent - q * b.Tangent) / b.Value);
    }

    public static Dual<T> operator -(Dual<T> a) => new(-a.Value, -a.Tangent);
    public static Dual<T> FromDouble(double value) => new(T.FromDouble(value), T.FromDouble(0.0));

    public static Dual<T> Tanh(Dual<T> a)
    {
        var t = T.Tanh(a.Value);
        return new(t, (T.FromDouble(1.0) - t * t) * a.Tangent);
    }

    public static Dual<T> Exp(Dual<T> a)
    {
        var e = T.Exp(a.Value);
        return new(e, e * a.Tangent);
    }

    public static Dual<T> Sin(Dual<T> a) => new(T.Sin(a.Value), T.Cos(a.Value) * a.Tangent);
    public static Dual<T> Cos(Dual<T> a) => new(T.Cos(a.Value), -(T.Sin(a.Value) * a.Tangent));

    public static Dual<T> Relu(Dual<T> a)
    {
        // H(0) = 0: the tangent passes only where the pre-activation is strictly positive.
        // A NaN pre-activation is not <= 0, so it propagates instead of being silently zeroed.
        return a.Value.ToDouble() <= 0.0 ? new(T.FromDouble(0.0), T.FromDouble(0.0)) : a;
    }

    public static bool IsFinite(Dual<T> a) => T.IsFinite(a.Value) && T.IsFinite(a.Tangent);
    public static Dual<T> Lift(T value) => new(value, T.FromDouble(0.0));
    public double ToDouble() => Value.ToDouble();
}
