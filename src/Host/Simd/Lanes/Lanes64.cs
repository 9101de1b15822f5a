using System.Numerics;
using System.Runtime.InteropServices;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Simd.Lanes;

/// <summary>
/// <c>Vector&lt;double&gt;</c> behind <see cref="IReal{TSelf}"/>: lane l holds member tile·Count + l, and every operation
/// is lane-wise, so each lane's bits depend on that lane alone (member isolation). Same size and layout as
/// <c>Vector&lt;double&gt;</c>, so a tile's lane vectors are reinterpreted, not copied.
/// <para>
/// +, −, ×, ÷ round exactly as <see cref="Real64"/> does lane by lane. tanh goes through
/// <see cref="LaneTanh"/> (within 2 ulp, lane-wise). exp, sin and cos are Math's scalar calls per lane:
/// the BCL's vector kernels choose their algorithm by tests over the whole vector (a tiny or a huge argument in one lane
/// changes the rounding of the others), which would break member isolation; the scalar calls also give the Reference
/// path's bits.
/// </para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly unsafe struct Lanes64(Vector<double> value) : ILaneNumber<Lanes64>, ILift<Lanes64, Real64>, ILift<Lanes64, Lanes64>
{
    public readonly Vector<double> Value = value;

    public static Lanes64 operator +(Lanes64 a, Lanes64 b) => new(a.Value + b.Value);
    public static Lanes64 operator -(Lanes64 a, Lanes64 b) => new(a.Value - b.Value);
    public static Lanes64 operator *(Lanes64 a, Lanes64 b) => new(a.Value * b.Value);
    public static Lanes64 operator /(Lanes64 a, Lanes64 b) => new(a.Value / b.Value);
    public static Lanes64 operator -(Lanes64 a) => new(-a.Value);
    public static Lanes64 FromDouble(double value) => new(new Vector<double>(value));
    public static Lanes64 Lift(Real64 value) => new(new Vector<double>(value.Value));

    public static Lanes64 Tanh(Lanes64 a) => new(LaneTanh.Tanh(a.Value));

    public static Lanes64 Exp(Lanes64 a) => new(LaneWise.Apply(a.Value, &Math.Exp));
    public static Lanes64 Sin(Lanes64 a) => new(LaneWise.Apply(a.Value, &Math.Sin));
    public static Lanes64 Cos(Lanes64 a) => new(LaneWise.Apply(a.Value, &Math.Cos));

    /// <summary>max(a, 0) as <see cref="Real64.Relu"/>: 0 where a ≤ 0, a elsewhere (NaN propagates).</summary>
    public static Lanes64 Relu(Lanes64 a) => ZeroWhereNotPositive(a, a);

    public static Lanes64 ZeroWhereNotPositive(Lanes64 condition, Lanes64 value) =>
        new(Vector.ConditionalSelect(Vector.LessThanOrEqual(condition.Value, Vector<double>.Zero), Vector<double>.Zero, value.Value));

    /// <summary>True when every lane is finite. Models should not branch on it: the integrators test finiteness per lane themselves.</summary>
    public static bool IsFinite(Lanes64 a) => Vector.EqualsAll(a.Value - a.Value, Vector<double>.Zero); // x − x is NaN for NaN and ±∞

    public static Lanes64 Variable(Lanes64 a) => a;

    /// <summary>Already lane values: the Simd path's parameter tables hand out Lanes64 (one member per lane).</summary>
    public static Lanes64 Lift(Lanes64 value) => value;

    /// <summary>Lane 0, for host-side reporting.</summary>
    public double ToDouble() => Value[0];
}
