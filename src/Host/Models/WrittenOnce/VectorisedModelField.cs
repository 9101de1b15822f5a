using System.Numerics;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;
using FastAttractors.Simd.Lanes;

namespace FastAttractors.Models.WrittenOnce;

/// <summary>
/// A built-in written once on the Simd path: f, J v, Jᵀa and tr J exactly as a user model's
/// (<see cref="VectorisedUserField{TScalar, TLanes, TReal, TField}"/>, with the model's parameters read as lane vectors),
/// plus the parameter cotangents (∂f/∂θ_p)ᵀa per lane from f in lane dual numbers with θ_p seeded. Small flows step
/// with their state in registers, as user models do. Built-ins written once are smooth at 0, so tiny states are
/// flushed (<see cref="TinyFlush{T}"/>).
/// </summary>
internal readonly struct VectorisedModelField<TScalar, TLanes, TField>(TField functor)
    : ISimdAdjointField<TScalar>, IRegisterModelSource<TScalar>, ISmoothAtZeroField
    where TScalar : unmanaged, IFloatingPointIeee754<TScalar>
    where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TLanes>
    where TField : struct, IParameterisedModel<TField, TLanes>
{
    private readonly VectorisedUserField<TScalar, TLanes, TLanes, TField> inner = new(functor, registerResident: true);

    public int Dimension => functor.Dimension;
    public int ScratchLength => functor.ScratchLength;
    public int LinearisationLength => inner.LinearisationLength;
    public int CotangentLength => functor.ParameterCount;
    public int OuterDimension => 0;
    public int AdjointScratchLength => 0;
    public bool RegisterResident => inner.RegisterResident;
    public int TilesInLockstep => inner.TilesInLockstep;

    public void Accept(IRegisterModelSink<TScalar> sink) => inner.Accept(sink);

    public void Evaluate(int tile, ReadOnlySpan<Vector<TScalar>> x, Span<Vector<TScalar>> y, Span<Vector<TScalar>> scratch) =>
        inner.Evaluate(tile, x, y, scratch);

    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<TScalar>> x, Span<Vector<TScalar>> y, Span<Vector<TScalar>> lin, Span<Vector<TScalar>> scratch) =>
        inner.EvaluateLinearised(tile, x, y, lin, scratch);

    public void Jvp(int tile, ReadOnlySpan<Vector<TScalar>> lin, ReadOnlySpan<Vector<TScalar>> v, Span<Vector<TScalar>> jv, int columns, Span<Vector<TScalar>> scratch) =>
        inner.Jvp(tile, lin, v, jv, columns, scratch);

    public bool TryTrace(int tile, ReadOnlySpan<Vector<TScalar>> lin, out Vector<TScalar> trace) => inner.TryTrace(tile, lin, out trace);

    /// <summary>Jᵀa as a user model's; then cotangent[p] += Σ_i a_i ∂f_i/∂θ_p, one seeded dual evaluation per parameter.</summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<TScalar>> x, ReadOnlySpan<Vector<TScalar>> y, ReadOnlySpan<Vector<TScalar>> lin,
        ReadOnlySpan<Vector<TScalar>> a, Span<Vector<TScalar>> xBar, Span<Vector<TScalar>> cotangent, Span<Vector<TScalar>> outer, Span<Vector<TScalar>> scratch)
    {
        inner.Vjp(tile, x, y, lin, a, xBar, cotangent, outer, scratch);
        for (int p = 0; p < functor.ParameterCount; p++)
            cotangent[p] += inner.SeededTangentDot(functor.Seeded(p), tile, lin, a);
    }
}
