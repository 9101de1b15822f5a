using System.Numerics;

namespace FastAttractors.Simd;

/// <summary>
/// A tile field that also runs backward: the vector–Jacobian product Jᵀa at a point it has linearised, and the
/// parameter cotangents (∂f/∂θ)ᵀa accumulated per lane (shared parameters too: each member's contribution is kept
/// apart, as the gradient result reports it). One call does both so the fields can share work between them (the
/// scaled cotangent of TanhRnn feeds both Wᵀu and the outer product for W̄).
/// </summary>
internal interface ISimdAdjointField<T> : ISimdTangentField<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Lane vectors of parameter cotangent: the model's gradient parameter blocks (user-facing: τ, not 1/τ) one after
    /// another in their order.
    /// </summary>
    int CotangentLength { get; }

    /// <summary>
    /// n when the leading n × n block of the cotangent (W̄, Ā) is a sum of outer products u vᵀ, 0 otherwise. Then
    /// <see cref="Vjp"/> leaves that block alone and writes u and v into its <c>outer</c> span, and the caller adds
    /// many pairs at once in one register-blocked product (<see cref="SimdMath.OuterBatchAdd{T}"/>): added one by one,
    /// each update loads and stores all n² lane vectors of W̄ for n² FMAs, so it ran at half the mat-vec's rate.
    /// </summary>
    int OuterDimension { get; }

    /// <summary>Lane vectors of work space <see cref="Vjp"/> needs.</summary>
    int AdjointScratchLength { get; }

    /// <summary>
    /// xBar = J(x)ᵀ a and cotangent += (∂f/∂θ(x))ᵀ a, at x with y = f(x) (F(x) for maps) and
    /// <paramref name="linearisation"/> as EvaluateLinearised left them; the leading block's u and v go to
    /// <paramref name="outer"/> (2 · <see cref="OuterDimension"/> lane vectors: u, then v) instead.
    /// </summary>
    void Vjp(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> y, ReadOnlySpan<Vector<T>> linearisation, ReadOnlySpan<Vector<T>> a,
        Span<Vector<T>> xBar, Span<Vector<T>> cotangent, Span<Vector<T>> outer, Span<Vector<T>> scratch);
}
