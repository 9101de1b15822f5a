using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;
using FastAttractors.Simd.Lanes;

namespace FastAttractors.Models;

/// <summary>
/// A user model on the Simd path: its generic f is called once per tile with a lane number type
/// (<typeparamref name="TLanes"/>: <see cref="Lanes64"/> or <see cref="Lanes32"/>, one member per lane) over the tile's
/// own lane vectors, and J v, Jᵀa and tr J come from the same f in <see cref="LaneDual{TLanes, TReal}"/> numbers. The
/// arithmetic is the lane-by-lane path's, operation for operation, so the results differ from it only where the lane
/// type's tanh does (float32: <see cref="RationalTanh"/>), never by a lane's neighbours.
/// <para>
/// The member index a model sees is the tile's first member: one call serves all lanes. User models carry their
/// constants inside the functor and must not depend on it (per-member parameters are for the built-ins).
/// </para>
/// <para>
/// For integration it also offers the model itself (<see cref="IRegisterModelSource{T}"/>), so a small system can be
/// stepped with its tile state in registers instead of through this field's memory buffers.
/// </para>
/// </summary>
internal readonly unsafe struct VectorisedUserField<TScalar, TLanes, TReal, TField>(TField functor, bool registerResident = false, int tilesInLockstep = 0)
    : ISimdAdjointField<TScalar>, IRegisterModelSource<TScalar>
    where TScalar : unmanaged, IFloatingPointIeee754<TScalar>
    where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
    where TReal : unmanaged, IReal<TReal>
    where TField : struct, IModel<TReal>
{
    /// <summary>Dual work vectors up to this many live on the stack (64 B–128 B each); larger models take a pinned array.</summary>
    private const int StackDuals = 256;

    public int Dimension => functor.Dimension;
    public int ScratchLength => functor.ScratchLength;

    private static int Lanes => Vector<TScalar>.Count;

    /// <summary>Asked for and worth it: only a model whose f the JIT inlines gains from registers (<see cref="InlinedEvaluate{TModel, TReal}"/>).</summary>
    public bool RegisterResident => registerResident && InlinedEvaluate<TField, TReal>.IsMarked;

    public int TilesInLockstep => tilesInLockstep;

    public void Accept(IRegisterModelSink<TScalar> sink) => sink.Run<TLanes, TReal, TField>(functor);

    public void Evaluate(int tile, ReadOnlySpan<Vector<TScalar>> x, Span<Vector<TScalar>> y, Span<Vector<TScalar>> scratch)
    {
        fixed (Vector<TScalar>* px = x)
        fixed (Vector<TScalar>* py = y)
        fixed (Vector<TScalar>* ps = scratch)
        {
            functor.Evaluate<TLanes, LanePointer<TLanes>, LanePointer<TLanes>, LanePointer<TLanes>>(
                tile * Lanes, new((TLanes*)px), new((TLanes*)py), new((TLanes*)ps));
        }
    }

    /// <summary>tr J = Σ_k (J e_k)_k: n dual evaluations per tile, instead of the reference field's n per member.</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<TScalar>> lin, out Vector<TScalar> trace)
    {
        int n = functor.Dimension;
        var sum = Vector<TScalar>.Zero;
        Span<LaneDual<TLanes, TReal>> buffer = DualLength <= StackDuals ? stackalloc LaneDual<TLanes, TReal>[DualLength] : new LaneDual<TLanes, TReal>[DualLength];
        fixed (LaneDual<TLanes, TReal>* x = buffer)
        {
            var y = x + n;
            for (int k = 0; k < n; k++)
            {
                EvaluateColumn(tile, lin, k, x);
                sum += Store(y[k].Tangent);
            }
        }
        trace = sum;
        return true;
    }

    /// <summary>The linearisation is the point itself: J v comes from dual numbers at x.</summary>
    public int LinearisationLength => functor.Dimension;

    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<TScalar>> x, Span<Vector<TScalar>> y, Span<Vector<TScalar>> lin, Span<Vector<TScalar>> scratch)
    {
        x[..functor.Dimension].CopyTo(lin);
        Evaluate(tile, x, y, scratch);
    }

    /// <summary>J v_c as the tangent of f(x + ε v_c), one dual evaluation per column for the whole tile.</summary>
    public void Jvp(int tile, ReadOnlySpan<Vector<TScalar>> lin, ReadOnlySpan<Vector<TScalar>> v, Span<Vector<TScalar>> jv, int columns, Span<Vector<TScalar>> scratch)
    {
        int n = functor.Dimension;
        Span<LaneDual<TLanes, TReal>> buffer = DualLength <= StackDuals ? stackalloc LaneDual<TLanes, TReal>[DualLength] : new LaneDual<TLanes, TReal>[DualLength];
        fixed (LaneDual<TLanes, TReal>* x = buffer)
        {
            var y = x + n;
            for (int c = 0; c < columns; c++)
            {
                for (int i = 0; i < n; i++)
                    x[i] = new(Load(lin[i]), Load(v[c * n + i]));
                EvaluateDual(tile, x);
                for (int i = 0; i < n; i++)
                    jv[c * n + i] = Store(y[i].Tangent);
            }
        }
    }

    /// <summary>User models carry their constants inside the functor: no parameters to differentiate.</summary>
    public int CotangentLength => 0;

    public int OuterDimension => 0;

    public int AdjointScratchLength => 0;

    /// <summary>
    /// (Jᵀa)_k = Σ_i J_ik a_i with column k of J the tangent of f(x + ε e_k): n dual evaluations per tile, summed in
    /// the lane-by-lane path's order.
    /// </summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<TScalar>> x, ReadOnlySpan<Vector<TScalar>> y, ReadOnlySpan<Vector<TScalar>> lin,
        ReadOnlySpan<Vector<TScalar>> a, Span<Vector<TScalar>> xBar, Span<Vector<TScalar>> cotangent, Span<Vector<TScalar>> outer, Span<Vector<TScalar>> scratch)
    {
        int n = functor.Dimension;
        Span<LaneDual<TLanes, TReal>> buffer = DualLength <= StackDuals ? stackalloc LaneDual<TLanes, TReal>[DualLength] : new LaneDual<TLanes, TReal>[DualLength];
        fixed (LaneDual<TLanes, TReal>* dx = buffer)
        {
            var dy = dx + n;
            for (int k = 0; k < n; k++)
            {
                EvaluateColumn(tile, lin, k, dx);
                xBar[k] = TangentDot(dy, a);
            }
        }
    }

    /// <summary>
    /// Σ_i a_i ∂f_i/∂θ at the point <paramref name="lin"/> for <paramref name="seeded"/>, the functor with one parameter
    /// seeded: f on duals whose x carries no tangent, so only θ carries ε (the written-once built-ins' cotangents).
    /// </summary>
    public Vector<TScalar> SeededTangentDot(TField seeded, int tile, ReadOnlySpan<Vector<TScalar>> lin, ReadOnlySpan<Vector<TScalar>> a)
    {
        int n = functor.Dimension;
        Span<LaneDual<TLanes, TReal>> buffer = DualLength <= StackDuals ? stackalloc LaneDual<TLanes, TReal>[DualLength] : new LaneDual<TLanes, TReal>[DualLength];
        fixed (LaneDual<TLanes, TReal>* x = buffer)
        {
            for (int i = 0; i < n; i++)
                x[i] = new(Load(lin[i]), TLanes.FromDouble(0.0));
            EvaluateDual(seeded, tile, x);
            return TangentDot(x + n, a);
        }
    }

    /// <summary>Σ_i a_i · tangent(y_i), summed in index order.</summary>
    private Vector<TScalar> TangentDot(LaneDual<TLanes, TReal>* y, ReadOnlySpan<Vector<TScalar>> a)
    {
        var sum = Vector<TScalar>.Zero;
        for (int i = 0; i < functor.Dimension; i++)
            sum += Store(y[i].Tangent) * a[i];
        return sum;
    }

    /// <summary>x, y = f(x) and the model's scratch in dual numbers, one after another.</summary>
    private int DualLength => 2 * functor.Dimension + Math.Max(1, functor.ScratchLength);

    /// <summary>Column k of J at the point <paramref name="lin"/>: the tangents of f(x + ε e_k), into <paramref name="x"/>[n, 2n).</summary>
    private void EvaluateColumn(int tile, ReadOnlySpan<Vector<TScalar>> lin, int k, LaneDual<TLanes, TReal>* x)
    {
        for (int i = 0; i < functor.Dimension; i++)
            x[i] = new(Load(lin[i]), TLanes.FromDouble(i == k ? 1 : 0));
        EvaluateDual(tile, x);
    }

    /// <summary>f on the duals at <paramref name="x"/>[0, n), into [n, 2n), with the scratch after them.</summary>
    private void EvaluateDual(int tile, LaneDual<TLanes, TReal>* x) => EvaluateDual(functor, tile, x);

    /// <summary><paramref name="model"/>'s f (the functor, or it with a parameter seeded) on the duals at x, as above.</summary>
    private static void EvaluateDual(TField model, int tile, LaneDual<TLanes, TReal>* x)
    {
        int n = model.Dimension;
        model.Evaluate<LaneDual<TLanes, TReal>, LanePointer<LaneDual<TLanes, TReal>>, LanePointer<LaneDual<TLanes, TReal>>, LanePointer<LaneDual<TLanes, TReal>>>(
            tile * Lanes, new(x), new(x + n), new(x + 2 * n));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Load(Vector<TScalar> v) => Unsafe.BitCast<Vector<TScalar>, TLanes>(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<TScalar> Store(TLanes v) => Unsafe.BitCast<TLanes, Vector<TScalar>>(v);
}
