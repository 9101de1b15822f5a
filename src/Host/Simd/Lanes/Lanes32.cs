using System.Numerics;
using System.Runtime.InteropServices;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Simd.Lanes;

/// <summary>
/// <c>Vector&lt;float&gt;</c> behind <see cref="IReal{TSelf}"/>: lane l holds member tile·Count + l, and every operation
/// is lane-wise, so each lane's bits depend on that lane alone (member isolation). Same size and layout as
/// <c>Vector&lt;float&gt;</c>, so a tile's lane vectors are reinterpreted, not copied.
/// <para>
/// +, −, ×, ÷ round exactly as <see cref="Real32"/> does lane by lane. tanh is <see cref="RationalTanh"/> (2.5e-7
/// absolute, lane-wise by construction; the built-in float32 Simd fields use it too). exp, sin and cos are MathF's
/// scalar calls per lane: the BCL's vector kernels choose their algorithm by tests over the whole vector (a tiny or a
/// huge argument in one lane changes the rounding of the others), which would break member isolation; the scalar calls
/// also give the lane-by-lane Real32 path's bits.
/// </para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly unsafe struct Lanes32(Vector<float> value) : ILaneNumber<Lanes32>, ILift<Lanes32, Real32>, ILift<Lanes32, Lanes32>
{
    public readonly Vector<float> Value = value;

    public static Lanes32 operator +(Lanes32 a, Lanes32 b) => new(a.Value + b.Value);
    public static Lanes32 operator -(Lanes32 a, Lanes32 b) => new(a.Value - b.Value);
    public static Lanes32 operator *(Lanes32 a, Lanes32 b) => new(a.Value * b.Value);
    public static Lanes32 operator /(Lanes32 a, Lanes32 b) => new(a.Value / b.Value);
    public static Lanes32 operator -(Lanes32 a) => new(-a.Value);
    public static Lanes32 FromDouble(double value) => new(new Vector<float>((float)value));
    public static Lanes32 Lift(Real32 value) => new(new Vector<float>(value.Value));

    public static Lanes32 Tanh(Lanes32 a) => new(RationalTanh.Evaluate(a.Value));

    public static Lanes32 Exp(Lanes32 a) => new(LaneWise.Apply(a.Value, &MathF.Exp));
    public static Lanes32 Sin(Lanes32 a) => new(LaneWise.Apply(a.Value, &MathF.Sin));
    public static Lanes32 Cos(Lanes32 a) => new(LaneWise.Apply(a.Value, &MathF.Cos));

    /// <summary>max(a, 0) as <see cref="Real32.Relu"/>: 0 where a ≤ 0, a elsewhere (NaN propagates).</summary>
    public static Lanes32 Relu(Lanes32 a) => ZeroWhereNotPositive(a, a);

    public static Lanes32 ZeroWhereNotPositive(Lanes32 condition, Lanes32 value) =>
        new(Vector.ConditionalSelect(Vector.LessThanOrEqual(condition.Value, Vector<float>.Zero), Vector<float>.Zero, value.Value));

    /// <summary>True when every lane is finite. Models should not branch on it: the integrators test finiteness per lane themselves.</summary>
    public static bool IsFinite(Lanes32 a) => Vector.EqualsAll(a.Value - a.Value, Vector<float>.Zero); // x − x is NaN for NaN and ±∞

    public static Lanes32 Variable(Lanes32 a) => a;

    /// <summary>Already lane values: the Simd path's parameter tables hand out Lanes32 (one member per lane).</summary>
    public static Lanes32 Lift(Lanes32 value) => value;

    /// <summary>Lane 0, for host-side reporting.</summary>
    public double ToDouble() => Value[0];
}
