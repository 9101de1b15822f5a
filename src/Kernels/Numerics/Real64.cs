using System.Runtime.InteropServices;

namespace FastAttractors.Kernels.Numerics;

/// <summary>double behind <see cref="IReal{TSelf}"/>; same size and layout as double.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Real64(double value) : IReal<Real64>, ILift<Real64, Real64>
{
    /// <summary>The wrapped value.</summary>
    public readonly double Value = value;

    /// <inheritdoc/>
    public static Real64 operator +(Real64 a, Real64 b) => new(a.Value + b.Value);
    /// <inheritdoc/>
    public static Real64 operator -(Real64 a, Real64 b) => new(a.Value - b.Value);
    /// <inheritdoc/>
    public static Real64 operator *(Real64 a, Real64 b) => new(a.Value * b.Value);
    /// <inheritdoc/>
    public static Real64 operator /(Real64 a, Real64 b) => new(a.Value / b.Value);
    /// <inheritdoc/>
    public static Real64 operator -(Real64 a) => new(-a.Value);
    /// <inheritdoc/>
    public static Real64 FromDouble(double value) => new(value);
    /// <inheritdoc/>
    public static Real64 Tanh(Real64 a) => new(Math.Tanh(a.Value));
    /// <inheritdoc/>
    public static Real64 Exp(Real64 a) => new(Math.Exp(a.Value));
    /// <inheritdoc/>
    public static Real64 Sin(Real64 a) => new(Math.Sin(a.Value));
    /// <inheritdoc/>
    public static Real64 Cos(Real64 a) => new(Math.Cos(a.Value));
    /// <inheritdoc/>
    public static Real64 Relu(Real64 a) => new(a.Value <= 0.0 ? 0.0 : a.Value); // NaN propagates
    /// <inheritdoc/>
    public static bool IsFinite(Real64 a) => double.IsFinite(a.Value);
    /// <inheritdoc/>
    public static Real64 Lift(Real64 value) => value;
    /// <inheritdoc/>
    public static Real64 Variable(Real64 a) => a;

    /// <inheritdoc/>
    public double ToDouble() => Value;
    /// <summary>The value in round-trip ("R") form, invariant culture.</summary>
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
