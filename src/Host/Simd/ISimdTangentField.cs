using System.Numerics;

namespace FastAttractors.Simd;

/// <summary>
/// A tile field that also linearises: f and what J needs at the same point in one pass (for TanhRnn the vector
/// 1 − tanh²(x), computed from the tanh that f needs anyway), then J applied to any number of tangent columns reusing
/// it. The Lyapunov path evaluates J at each RK4 stage state for all k columns, so the split saves k − 1 tanh
/// evaluations per stage and lets the columns share each load of W.
/// </summary>
internal interface ISimdTangentField<T> : ISimdField<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Lane vectors one linearisation occupies.</summary>
    int LinearisationLength { get; }

    /// <summary>y = f(x) (or F(x) for maps) and the linearisation at x.</summary>
    void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> linearisation, Span<Vector<T>> scratch);

    /// <summary>
    /// jv = J v for <paramref name="columns"/> tangent columns stored one after another (column c at c·n).
    /// <paramref name="scratch"/> holds at least n · columns lane vectors.
    /// </summary>
    void Jvp(int tile, ReadOnlySpan<Vector<T>> linearisation, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch);

    /// <summary>
    /// tr J from the linearisation, for a flow's sum rule, when it is cheap (O(n)); false where it is not (maps,
    /// user models), and the caller falls back to the reference field lane by lane.
    /// </summary>
    bool TryTrace(int tile, ReadOnlySpan<Vector<T>> linearisation, out Vector<T> trace);
}
