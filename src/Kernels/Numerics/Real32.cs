using System.Runtime.InteropServices;

namespace FastAttractors.Kernels.Numerics;

/// <summary>float behind <see cref="IReal{TSelf}"/>; same size and layout as float, so buffers are reinterpreted, not copied.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Real32(float value) : IReal<Real32>, ILift<Real32, Real32>
{
    public readonly float Value = value;

    public static Real32 operator +(Real32 a, Real32 b) => new(a.Value + b.Value);
    public static Real32 operator -(Real32 a, Real32 b) => new(a.Value - b.Value);
    public static Real32 operator *(Real32 a, Real32 b) => new(a.Value * b.Value);
    public static Real32 operator /(Real32 a, Real32 b) => new(a.Value / b.Value);
    public static Real32 operator -(Real32 a) => new(-a.Value);
    public static Real32 FromDouble(double value) => new((float)value);
    public static Real32 Tanh(Real32 a) => new(MathF.Tanh(a.Value));
    public static Real32 Exp(Real32 a) => new(MathF.Exp(a.Value));
    public static Real32 Sin(Real32 a) => new(MathF.Sin(a.Value));
    public static Real32 Cos(Real32 a) => new(MathF.Cos(a.Value));
    public static Real32 Relu(Real32 a) => new(a.Value <= 0f ? 0f : a.Value); // NaN propagates
    public static bool IsFinite(Real32 a) => float.IsFinite(a.Value);
    public static Real32 Lift(Real32 value) => value;
    public double ToDouble() => Value;
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
