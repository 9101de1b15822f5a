using System.Runtime.InteropServices;

namespace FastAttractors.Kernels.Numerics;

/// <summary>double behind <see cref="IReal{TSelf}"/>; same size and layout as double.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Real64(double value) : IReal<Real64>, ILift<Real64, Real64>
{
    public readonly double Value = value;

    public static Real64 operator +(Real64 a, Real64 b) => new(a.Value + b.Value);
    public static Real64 operator -(Real64 a, Real64 b) => new(a.Value - b.Value);
    public static Real64 operator *(Real64 a, Real64 b) => new(a.Value * b.Value);
    public static Real64 operator /(Real64 a, Real64 b) => new(a.Value / b.Value);
    public static Real64 operator -(Real64 a) => new(-a.Value);
    public static Real64 FromDouble(double value) => new(value);
    public static Real64 Tanh(Real64 a) => new(Math.Tanh(a.Value));
    public static Real64 Exp(Real64 a) => new(Math.Exp(a.Value));
    public static Real64 Sin(Real64 a) => new(Math.Sin(a.Value));
    public static Real64 Cos(Real64 a) => new(Math.Cos(a.Value));
    public static Real64 Relu(Real64 a) => new(a.Value <= 0.0 ? 0.0 : a.Value); // NaN propagates
    public static bool IsFinite(Real64 a) => double.IsFinite(a.Value);
    public static Real64 Lift(Real64 value) => value;
    public double ToDouble() => Value;
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
