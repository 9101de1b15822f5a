using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastAttractors.Simd;

/// <summary>
/// Sets state components of magnitude below 2⁻¹⁰⁰⁰ (float64; 2⁻¹⁰⁰ in float32) to zero after each step, so a state
/// that decays to zero reaches it instead of crawling through the subnormal range.
/// <para>
/// Why: where a network's origin is a stable focus the state decays exponentially; once it is subnormal, rounding
/// can hold it at a few units of the last place for the rest of the run, and Intel cores take a microcode assist of
/// about a hundred cycles on every operation with a subnormal operand (a rotation-flow scan ran 3.5× slower per row
/// in its decaying region). .NET offers no per-thread flush-to-zero mode, so the flush is explicit.
/// </para>
/// <para>
/// What it changes: only components already below 2⁻¹⁰⁰⁰ ≈ 9.3·10⁻³⁰², moved by less than that. The thresholds sit
/// far enough above the smallest normal numbers (2⁻¹⁰²² and 2⁻¹²⁶) that the stage values dt·f(x) of a state just above
/// them stay normal. For the built-in networks f is smooth at 0 with O(1) coefficients, so the Jacobian at such a state
/// equals the Jacobian at 0 to the last bit and the tangent dynamics, hence the Lyapunov exponents, are unchanged;
/// the Reference path does not flush and stays the oracle (PlanePathTests and TinyFlushTests compare the two on
/// decaying ensembles). Only fields smooth at 0 are flushed (<see cref="AppliesTo{TField}"/>); the ILGPU kernels do
/// not flush: GPUs run subnormal arithmetic at full speed, and IlgpuCpu is a test backend.
/// </para>
/// </summary>
internal static class TinyFlush<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>2⁻¹⁰⁰⁰ in float64, 2⁻¹⁰⁰ in float32.</summary>
    public static readonly T Threshold = T.ScaleB(T.One, typeof(T) == typeof(double) ? -1000 : -100);

    private static readonly Vector<T> ThresholdLanes = new(Threshold);

    /// <summary>
    /// Whether a field's states are flushed: the built-in fields smooth at 0 (tanh networks, linear, and the built-ins written once, Lorenz and Hénon: <see cref="ISmoothAtZeroField"/>).
    /// Not ReLU networks, whose Jacobian jumps at 0 (a component decaying to 0 from above keeps slope 1 while it is
    /// positive; flushed, it would take H(0) = 0), and not user models, whose smoothness the engine cannot know.
    /// </summary>
    public static bool AppliesTo<TField>() =>
        typeof(TField) == typeof(Fields.TanhOfLinearSimd<T>) || typeof(TField) == typeof(Fields.TanhRnnSimd<T>) ||
        typeof(TField) == typeof(Fields.LinearSimd<T>) || SmoothAtZero<TField>.Marked;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Apply(Vector<T> x) => Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), ThresholdLanes), Vector<T>.Zero, x);
}

/// <summary>Marks a Simd field whose f is smooth at 0 with O(1) coefficients, so <see cref="TinyFlush{T}"/> may flush its tiny states.</summary>
internal interface ISmoothAtZeroField
{
}

/// <summary>Whether <typeparamref name="TField"/> carries <see cref="ISmoothAtZeroField"/>, looked up once per field type.</summary>
internal static class SmoothAtZero<TField>
{
    public static readonly bool Marked = typeof(ISmoothAtZeroField).IsAssignableFrom(typeof(TField));
}
