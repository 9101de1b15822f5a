using System.Runtime.InteropServices;

namespace FastAttractors.Kernels.Numerics;

/// <summary>float behind <see cref="IReal{TSelf}"/>; same size and layout as float, so buffers are reinterpreted, not copied.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Real32(float value) : IReal<Real32>, ILift<Real32, Real32>
{
    /// <summary>The wrapped value.</summary>
    public readonly float Value = value;

    /// <inheritdoc/>
    public static Real32 operator +(Real32 a, Real32 b) => new(a.Value + b.Value);
    /// <inheritdoc/>
    public static Real32 operator -(Real32 a, Real32 b) => new(a.Value - b.Value);
    /// <inheritdoc/>
    public static Real32 operator *(Real32 a, Real32 b) => new(a.Value * b.Value);
    /// <inheritdoc/>
    public static Real32 operator /(Real32 a, Real32 b) => new(a.Value / b.Value);
    /// <inheritdoc/>
    public static Real32 operator -(Real32 a) => new(-a.Value);
    /// <inheritdoc/>
    public static Real32 FromDouble(double value) => new((float)value);
    /// <inheritdoc/>
    public static Real32 Tanh(Real32 a) => new(MathF.Tanh(a.Value));
    /// <inheritdoc/>
    public static Real32 Exp(Real32 a) => new(MathF.Exp(a.Value));
    /// <inheritdoc/>
    public static Real32 Sin(Real32 a) => new(MathF.Sin(a.Value));
    /// <inheritdoc/>
    public static Real32 Cos(Real32 a) => new(MathF.Cos(a.Value));
    /// <inheritdoc/>
    public static Real32 Relu(Real32 a) => new(a.Value <= 0f ? 0f : a.Value); // NaN propagates
    /// <inheritdoc/>
    public static bool IsFinite(Real32 a) => float.IsFinite(a.Value);
    /// <inheritdoc/>
    public static Real32 Lift(Real32 value) => value;
    /// <inheritdoc/>
    public static Real32 Variable(Real32 a) => a;

    /// <inheritdoc/>
    public double ToDouble() => Value;
    /// <summary>The value in round-trip ("R") form, invariant culture.</summary>
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
