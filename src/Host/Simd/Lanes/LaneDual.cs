using System.Runtime.InteropServices;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Simd.Lanes;

/// <summary>
/// <see cref="Dual{T}"/> over a lane number: v + ε t per lane, so one evaluation of a user's f gives J v for a whole
/// tile. A separate type because a user model asks for <c>ILift&lt;TNum, Real64&gt;</c> (its constants are in the
/// scalar type), which <c>Dual&lt;Lanes64&gt;</c> (lifting from Lanes64) does not offer, and because ReLU's derivative
/// must be chosen lane by lane. The formulas are <see cref="Dual{T}"/>'s, operation for operation, so the tangent rounds
/// as the Reference path's dual numbers do (up to the lane type's tanh).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct LaneDual<TLanes, TReal>(TLanes value, TLanes tangent) : IReal<LaneDual<TLanes, TReal>>, ILift<LaneDual<TLanes, TReal>, TReal>
    where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
    where TReal : unmanaged
{
    public readonly TLanes Value = value;
    public readonly TLanes Tangent = tangent;

    public static LaneDual<TLanes, TReal> operator +(LaneDual<TLanes, TReal> a, LaneDual<TLanes, TReal> b) => new(a.Value + b.Value, a.Tangent + b.Tangent);
    public static LaneDual<TLanes, TReal> operator -(LaneDual<TLanes, TReal> a, LaneDual<TLanes, TReal> b) => new(a.Value - b.Value, a.Tangent - b.Tangent);
    public static LaneDual<TLanes, TReal> operator *(LaneDual<TLanes, TReal> a, LaneDual<TLanes, TReal> b) =>
        new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);

    public static LaneDual<TLanes, TReal> operator /(LaneDual<TLanes, TReal> a, LaneDual<TLanes, TReal> b)
    {
        var q = a.Value / b.Value;
        return new(q, (a.Tangent - q * b.Tangent) / b.Value);
    }

    public static LaneDual<TLanes, TReal> operator -(LaneDual<TLanes, TReal> a) => new(-a.Value, -a.Tangent);
    public static LaneDual<TLanes, TReal> FromDouble(double value) => new(TLanes.FromDouble(value), TLanes.FromDouble(0.0));
    public static LaneDual<TLanes, TReal> Lift(TReal value) => new(TLanes.Lift(value), TLanes.FromDouble(0.0));

    public static LaneDual<TLanes, TReal> Tanh(LaneDual<TLanes, TReal> a)
    {
        var t = TLanes.Tanh(a.Value);
        return new(t, (TLanes.FromDouble(1.0) - t * t) * a.Tangent);
    }

    public static LaneDual<TLanes, TReal> Exp(LaneDual<TLanes, TReal> a)
    {
        var e = TLanes.Exp(a.Value);
        return new(e, e * a.Tangent);
    }

    public static LaneDual<TLanes, TReal> Sin(LaneDual<TLanes, TReal> a) => new(TLanes.Sin(a.Value), TLanes.Cos(a.Value) * a.Tangent);
    public static LaneDual<TLanes, TReal> Cos(LaneDual<TLanes, TReal> a) => new(TLanes.Cos(a.Value), -(TLanes.Sin(a.Value) * a.Tangent));

    /// <summary>H(0) = 0 per lane: value and tangent pass where the pre-activation is positive or NaN, as in <see cref="Dual{T}.Relu"/>.</summary>
    public static LaneDual<TLanes, TReal> Relu(LaneDual<TLanes, TReal> a) =>
        new(TLanes.ZeroWhereNotPositive(a.Value, a.Value), TLanes.ZeroWhereNotPositive(a.Value, a.Tangent));

    /// <summary>True when every lane's value and tangent are finite; models should not branch on it.</summary>
    public static bool IsFinite(LaneDual<TLanes, TReal> a) => TLanes.IsFinite(a.Value) && TLanes.IsFinite(a.Tangent);

    public static LaneDual<TLanes, TReal> Variable(LaneDual<TLanes, TReal> a) => new(a.Value, TLanes.FromDouble(1.0));

    public double ToDouble() => Value.ToDouble();
}
