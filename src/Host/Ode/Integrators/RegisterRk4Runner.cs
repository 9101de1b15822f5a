using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Simd;
using FastAttractors.Simd.Lanes;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// Classic RK4 for a generic model of dimension ≤ 4 with each tile's state, stage values and accumulators in locals
/// for all steps, so the JIT sees the model's f over concrete lane types and keeps them in vector registers; only
/// f's output goes through a small stack buffer (a model writes it through <see cref="IVectorOut{TNum}"/>).
/// <para>
/// The arithmetic is <see cref="SimdIntegrator"/>'s unrolled RK4, FMA for FMA in the same order with the same
/// weights, and the per-step bookkeeping is its too: a lane whose new state is non-finite is frozen at its last
/// finite state and its first failing step recorded, the other lanes go on; the tiny-state flush applies exactly
/// where it applies there. So results are bit-identical to the memory-resident path (RegisterRk4Tests).
/// </para>
/// </summary>
internal sealed unsafe class RegisterRk4Runner<T>(RunPlan plan, EnsembleSolution solution, int tiles, int defaultGroup, bool flush) : IRegisterModelSink<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The largest system held in registers: 4 components × (state, stage, accumulator) of one tile plus the
    /// four RK4 weights fill 16 of AVX2's 16 vector registers; larger systems would spill on every stage.</summary>
    public const int MaxDimension = LaneQuad<T>.Capacity;

    /// <summary>f's work space lives on the stack; models needing more stay on the memory-resident path.</summary>
    public const int MaxScratch = 64;

    /// <summary>Whether a model of this shape can take the register path.</summary>
    public static bool Fits(int dimension, int scratch) => dimension <= MaxDimension && scratch <= MaxScratch;

    public int Group { get; set; }

    public void Run<TLanes, TReal, TModel>(TModel model)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        int group = Group > 0 ? Group : defaultGroup;
        int n = plan.N, scratch = model.ScratchLength;
        int groups = (tiles + group - 1) / group;
        Parallel.For(0, groups, () => Enumerable.Range(0, group).Select(_ => new TileWork<T>(n, scratch)).ToArray(), (g, _, work) =>
        {
            int first = g * group, count = Math.Min(group, tiles - first);
            IntegrateTiles<TLanes, TReal, TModel>(model, first, work.AsSpan(0, count));
            return work;
        }, _ => { });
    }

    /// <summary>One tile's registers: the state and the lanes frozen since they went non-finite.</summary>
    private struct TileState
    {
        public Vector<T> X0, X1, X2, X3, Frozen;
    }

    /// <summary>RK4's weights h, h/2, h/3, h/6, each one correctly rounded division as in SimdIntegrator.</summary>
    private readonly struct Weights(T dt)
    {
        public readonly Vector<T> Dt = new(dt), Half = new(dt / T.CreateTruncating(2)), Third = new(dt / T.CreateTruncating(3)), Sixth = new(dt / T.CreateTruncating(6));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void IntegrateTiles<TLanes, TReal, TModel>(TModel model, int firstTile, Span<TileWork<T>> work)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        int n = plan.N;
        TLanes* k = stackalloc TLanes[LaneQuad<T>.Capacity];
        TLanes* scratch = stackalloc TLanes[Math.Max(1, model.ScratchLength)];
        var weights = new Weights(T.CreateTruncating(plan.Dt));
        int count = work.Length;
        TileState s0 = default, s1 = default, s2 = default, s3 = default;
        for (int t = 0; t < count; t++)
        {
            work[t].Load(plan.Problem.InitialStates, firstTile + t, plan.Members);
            Store(work[t], firstTile + t, 0);
        }
        Fill(ref s0, work[0]);
        if (count > 1) Fill(ref s1, work[1]);
        if (count > 2) Fill(ref s2, work[2]);
        if (count > 3) Fill(ref s3, work[3]);
        int every = plan.RecordEvery ?? 0;
        long untilSave = every;
        for (long step = 0; step < plan.Steps; step++)
        {
            // Independent tiles one after another in the loop body: the out-of-order core overlaps their dependency
            // chains, which one small tile alone leaves waiting on FMA latency.
            Step<TLanes, TReal, TModel>(model, ref s0, firstTile, work[0], step, n, k, scratch, weights);
            if (count > 1) Step<TLanes, TReal, TModel>(model, ref s1, firstTile + 1, work[1], step, n, k, scratch, weights);
            if (count > 2) Step<TLanes, TReal, TModel>(model, ref s2, firstTile + 2, work[2], step, n, k, scratch, weights);
            if (count > 3) Step<TLanes, TReal, TModel>(model, ref s3, firstTile + 3, work[3], step, n, k, scratch, weights);
            if (every > 0 && --untilSave == 0)
            {
                untilSave = every;
                long frame = (step + 1) / every;
                Save(s0, work[0], firstTile, frame, n);
                if (count > 1) Save(s1, work[1], firstTile + 1, frame, n);
                if (count > 2) Save(s2, work[2], firstTile + 2, frame, n);
                if (count > 3) Save(s3, work[3], firstTile + 3, frame, n);
            }
        }
        Spill(s0, work[0], n);
        if (count > 1) Spill(s1, work[1], n);
        if (count > 2) Spill(s2, work[2], n);
        if (count > 3) Spill(s3, work[3], n);
        for (int t = 0; t < count; t++)
            work[t].Unload(solution, firstTile + t);
    }

    /// <summary>
    /// One RK4 step of one tile, SimdIntegrator's Rk4Step and mask update inlined into registers. Components at or
    /// past n are skipped by tests on n, which the JIT folds where the model's Dimension is a constant.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step<TLanes, TReal, TModel>(TModel model, ref TileState s, int tile, TileWork<T> w, long step, int n, TLanes* k, TLanes* scratch, in Weights h)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        Vector<T> x0 = s.X0, x1 = s.X1, x2 = s.X2, x3 = s.X3;
        Vector<T> a0, a1 = default, a2 = default, a3 = default, g0, g1 = default, g2 = default, g3 = default;

        Evaluate<TLanes, TReal, TModel>(model, tile, x0, x1, x2, x3, k, scratch);
        a0 = SimdMath.Fma(h.Sixth, K(k, 0), x0); g0 = SimdMath.Fma(h.Half, K(k, 0), x0);
        if (n > 1) { a1 = SimdMath.Fma(h.Sixth, K(k, 1), x1); g1 = SimdMath.Fma(h.Half, K(k, 1), x1); }
        if (n > 2) { a2 = SimdMath.Fma(h.Sixth, K(k, 2), x2); g2 = SimdMath.Fma(h.Half, K(k, 2), x2); }
        if (n > 3) { a3 = SimdMath.Fma(h.Sixth, K(k, 3), x3); g3 = SimdMath.Fma(h.Half, K(k, 3), x3); }

        Evaluate<TLanes, TReal, TModel>(model, tile, g0, g1, g2, g3, k, scratch);
        a0 = SimdMath.Fma(h.Third, K(k, 0), a0); g0 = SimdMath.Fma(h.Half, K(k, 0), x0);
        if (n > 1) { a1 = SimdMath.Fma(h.Third, K(k, 1), a1); g1 = SimdMath.Fma(h.Half, K(k, 1), x1); }
        if (n > 2) { a2 = SimdMath.Fma(h.Third, K(k, 2), a2); g2 = SimdMath.Fma(h.Half, K(k, 2), x2); }
        if (n > 3) { a3 = SimdMath.Fma(h.Third, K(k, 3), a3); g3 = SimdMath.Fma(h.Half, K(k, 3), x3); }

        Evaluate<TLanes, TReal, TModel>(model, tile, g0, g1, g2, g3, k, scratch);
        a0 = SimdMath.Fma(h.Third, K(k, 0), a0); g0 = SimdMath.Fma(h.Dt, K(k, 0), x0);
        if (n > 1) { a1 = SimdMath.Fma(h.Third, K(k, 1), a1); g1 = SimdMath.Fma(h.Dt, K(k, 1), x1); }
        if (n > 2) { a2 = SimdMath.Fma(h.Third, K(k, 2), a2); g2 = SimdMath.Fma(h.Dt, K(k, 2), x2); }
        if (n > 3) { a3 = SimdMath.Fma(h.Third, K(k, 3), a3); g3 = SimdMath.Fma(h.Dt, K(k, 3), x3); }

        Evaluate<TLanes, TReal, TModel>(model, tile, g0, g1, g2, g3, k, scratch);
        a0 = SimdMath.Fma(h.Sixth, K(k, 0), a0);
        if (n > 1) a1 = SimdMath.Fma(h.Sixth, K(k, 1), a1);
        if (n > 2) a2 = SimdMath.Fma(h.Sixth, K(k, 2), a2);
        if (n > 3) a3 = SimdMath.Fma(h.Sixth, K(k, 3), a3);

        // SimdIntegrator's freeze: a lane whose new state has a non-finite component keeps its state from then on.
        var finite = SimdMath.FiniteMask(a0);
        if (n > 1) finite &= SimdMath.FiniteMask(a1);
        if (n > 2) finite &= SimdMath.FiniteMask(a2);
        if (n > 3) finite &= SimdMath.FiniteMask(a3);
        var failed = ~finite & ~s.Frozen;
        if (failed != Vector<T>.Zero)
            w.MarkFailed(failed, step);
        var frozen = s.Frozen | ~finite;
        s.Frozen = frozen;
        s.X0 = Vector.ConditionalSelect(frozen, x0, Flushed(a0));
        if (n > 1) s.X1 = Vector.ConditionalSelect(frozen, x1, Flushed(a1));
        if (n > 2) s.X2 = Vector.ConditionalSelect(frozen, x2, Flushed(a2));
        if (n > 3) s.X3 = Vector.ConditionalSelect(frozen, x3, Flushed(a3));
    }

    /// <summary>f at the given components into k, with the tile's first member as the member index (as VectorisedUserField).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Evaluate<TLanes, TReal, TModel>(TModel model, int tile, Vector<T> x0, Vector<T> x1, Vector<T> x2, Vector<T> x3, TLanes* k, TLanes* scratch)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        model.Evaluate<TLanes, LaneQuad<TLanes>, LanePointer<TLanes>, LanePointer<TLanes>>(
            tile * Vector<T>.Count, new(Lane<TLanes>(x0), Lane<TLanes>(x1), Lane<TLanes>(x2), Lane<TLanes>(x3)), new(k), new(scratch));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<T> Flushed(Vector<T> x) => flush ? TinyFlush<T>.Apply(x) : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Lane<TLanes>(Vector<T> v) where TLanes : unmanaged => Unsafe.BitCast<Vector<T>, TLanes>(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> K<TLanes>(TLanes* k, int i) where TLanes : unmanaged => Unsafe.BitCast<TLanes, Vector<T>>(k[i]);

    private static void Fill(ref TileState s, TileWork<T> w)
    {
        var x = w.X;
        s.X0 = x[0];
        if (x.Length > 1) s.X1 = x[1];
        if (x.Length > 2) s.X2 = x[2];
        if (x.Length > 3) s.X3 = x[3];
        s.Frozen = Vector<T>.Zero;
    }

    /// <summary>The registers back into the tile's work buffer, for saving and unloading.</summary>
    private static void Spill(in TileState s, TileWork<T> w, int n)
    {
        var x = w.X;
        x[0] = s.X0;
        if (n > 1) x[1] = s.X1;
        if (n > 2) x[2] = s.X2;
        if (n > 3) x[3] = s.X3;
    }

    private void Save(in TileState s, TileWork<T> w, int tile, long frame, int n)
    {
        if (solution.Trajectory is null)
            return;
        Spill(s, w, n);
        Store(w, tile, frame);
    }

    private void Store(TileWork<T> w, int tile, long frame)
    {
        if (solution.Trajectory is null)
            return;
        w.Scatter(w.X, solution.Trajectory, frame * plan.N * (long)plan.Members, tile, plan.Members);
    }
}
