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
/// f's output goes through a small stack buffer (a model writes it through <see cref="IVectorOut{TNum}"/>). The gain
/// needs f inlined: a model's Evaluate over about 100 bytes of IL stays a call unless it is marked
/// <c>AggressiveInlining</c> (docs/how-to/add-a-model.md), and then this path is only as fast as the memory one.
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
    /// <summary>The largest system held in registers: 4 components × (state, stage input, accumulator) of one tile
    /// are 12 of AVX2's 16 vector registers, the rest go to f's temporaries; larger systems would spill every stage.</summary>
    public const int MaxDimension = LaneQuad<T>.Capacity;

    /// <summary>f's work space lives on the stack; models needing more stay on the memory-resident path.</summary>
    public const int MaxScratch = 64;

    /// <summary>Whether a model of this shape can take the register path.</summary>
    public static bool Fits(int dimension, int scratch) => dimension <= MaxDimension && scratch <= MaxScratch;

    /// <summary>Tiles stepped in lockstep (1, 2 or 4; 3 runs as 2 + 1); 0 takes the runner's default.</summary>
    public int Group { get; init; }

    public void Run<TLanes, TReal, TModel>(TModel model)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        int group = Math.Clamp(Group > 0 ? Group : defaultGroup, 1, 4); // the loops below step at most four tiles
        int n = plan.N, scratch = model.ScratchLength;
        int groups = (tiles + group - 1) / group;
        Parallel.For(0, groups, () => Enumerable.Range(0, group).Select(_ => new TileWork<T>(n, scratch)).ToArray(), (g, _, work) =>
        {
            int first = g * group, count = Math.Min(group, tiles - first);
            IntegrateTiles<TLanes, TReal, TModel>(model, first, work.AsSpan(0, count));
            return work;
        }, _ => { });
    }

    /// <summary>A tile's components 0–3 (those at or past the model's dimension unused), as locals the JIT can
    /// keep in registers: four fields, within what it promotes field by field.</summary>
    private struct Quad
    {
        public Vector<T> X0, X1, X2, X3;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void IntegrateTiles<TLanes, TReal, TModel>(TModel model, int firstTile, Span<TileWork<T>> work)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        TLanes* k = stackalloc TLanes[LaneQuad<T>.Capacity];
        TLanes* scratch = stackalloc TLanes[Math.Max(1, model.ScratchLength)];
        // Per stage s: the accumulator's weight (h/6, h/3, h/3, h/6) and the next stage input's (h/2, h/2, h, unused),
        // each one correctly rounded division as in SimdIntegrator. Loads off the dependency chain.
        T dt = T.CreateTruncating(plan.Dt), half = dt / T.CreateTruncating(2), third = dt / T.CreateTruncating(3), sixth = dt / T.CreateTruncating(6);
        Vector<T>* weights = stackalloc Vector<T>[8];
        weights[0] = new(sixth); weights[1] = new(third); weights[2] = new(third); weights[3] = new(sixth);
        weights[4] = new(half); weights[5] = new(half); weights[6] = new(dt); weights[7] = new(dt);
        for (int t = 0; t < work.Length; t++)
        {
            work[t].Load(plan.Problem.InitialStates, firstTile + t, plan.Members);
            Store(work[t], firstTile + t, 0);
        }
        var context = new StepContext<TLanes>(k, scratch, weights);
        // One loop per group size, each with the stage's f inlined once per tile: a loop body with more copies of f
        // exhausts the JIT's inlining budget and f becomes a call (measured: slower than the memory path).
        switch (work.Length)
        {
            case 1: Loop1<TLanes, TReal, TModel>(model, firstTile, work, context); break;
            case 2: Loop2<TLanes, TReal, TModel>(model, firstTile, work, context); break;
            case 3: Loop2<TLanes, TReal, TModel>(model, firstTile, work[..2], context); Loop1<TLanes, TReal, TModel>(model, firstTile + 2, work[2..], context); break;
            default: Loop4<TLanes, TReal, TModel>(model, firstTile, work, context); break;
        }
        for (int t = 0; t < work.Length; t++)
            work[t].Unload(solution, firstTile + t);
    }

    /// <summary>The per-worker buffers and constants one step reads.</summary>
    private readonly struct StepContext<TLanes>(TLanes* k, TLanes* scratch, Vector<T>* weights) where TLanes : unmanaged
    {
        public readonly TLanes* K = k, Scratch = scratch;
        public readonly Vector<T>* Weights = weights;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop1<TLanes, TReal, TModel>(TModel model, int firstTile, Span<TileWork<T>> work, StepContext<TLanes> c)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        var w0 = work[0];
        Quad x0 = Fill(w0);
        Vector<T> frozen0 = default;
        int n = model.Dimension, every = plan.RecordEvery ?? 0;
        long untilSave = every;
        for (long step = 0; step < plan.Steps; step++)
        {
            Quad a0 = x0, g0 = x0;
            for (int s = 0; s < 4; s++)
                Stage<TLanes, TReal, TModel>(model, firstTile, s, ref x0, ref a0, ref g0, c);
            Finish(ref x0, ref frozen0, a0, w0, step, n);
            if (every > 0 && --untilSave == 0)
            {
                untilSave = every;
                Save(x0, w0, firstTile, (step + 1) / every, n);
            }
        }
        Spill(x0, w0, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop2<TLanes, TReal, TModel>(TModel model, int firstTile, Span<TileWork<T>> work, StepContext<TLanes> c)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        TileWork<T> w0 = work[0], w1 = work[1];
        Quad x0 = Fill(w0), x1 = Fill(w1);
        Vector<T> frozen0 = default, frozen1 = default;
        int n = model.Dimension, every = plan.RecordEvery ?? 0;
        long untilSave = every;
        for (long step = 0; step < plan.Steps; step++)
        {
            Quad a0 = x0, g0 = x0, a1 = x1, g1 = x1;
            for (int s = 0; s < 4; s++)
            {
                // Two independent tiles per stage: the out-of-order core overlaps their dependency chains, which one
                // small tile alone leaves waiting on FMA latency.
                Stage<TLanes, TReal, TModel>(model, firstTile, s, ref x0, ref a0, ref g0, c);
                Stage<TLanes, TReal, TModel>(model, firstTile + 1, s, ref x1, ref a1, ref g1, c);
            }
            Finish(ref x0, ref frozen0, a0, w0, step, n);
            Finish(ref x1, ref frozen1, a1, w1, step, n);
            if (every > 0 && --untilSave == 0)
            {
                untilSave = every;
                long frame = (step + 1) / every;
                Save(x0, w0, firstTile, frame, n);
                Save(x1, w1, firstTile + 1, frame, n);
            }
        }
        Spill(x0, w0, n);
        Spill(x1, w1, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop4<TLanes, TReal, TModel>(TModel model, int firstTile, Span<TileWork<T>> work, StepContext<TLanes> c)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        TileWork<T> w0 = work[0], w1 = work[1], w2 = work[2], w3 = work[3];
        Quad x0 = Fill(w0), x1 = Fill(w1), x2 = Fill(w2), x3 = Fill(w3);
        Vector<T> frozen0 = default, frozen1 = default, frozen2 = default, frozen3 = default;
        int n = model.Dimension, every = plan.RecordEvery ?? 0;
        long untilSave = every;
        for (long step = 0; step < plan.Steps; step++)
        {
            Quad a0 = x0, g0 = x0, a1 = x1, g1 = x1, a2 = x2, g2 = x2, a3 = x3, g3 = x3;
            for (int s = 0; s < 4; s++)
            {
                Stage<TLanes, TReal, TModel>(model, firstTile, s, ref x0, ref a0, ref g0, c);
                Stage<TLanes, TReal, TModel>(model, firstTile + 1, s, ref x1, ref a1, ref g1, c);
                Stage<TLanes, TReal, TModel>(model, firstTile + 2, s, ref x2, ref a2, ref g2, c);
                Stage<TLanes, TReal, TModel>(model, firstTile + 3, s, ref x3, ref a3, ref g3, c);
            }
            Finish(ref x0, ref frozen0, a0, w0, step, n);
            Finish(ref x1, ref frozen1, a1, w1, step, n);
            Finish(ref x2, ref frozen2, a2, w2, step, n);
            Finish(ref x3, ref frozen3, a3, w3, step, n);
            if (every > 0 && --untilSave == 0)
            {
                untilSave = every;
                long frame = (step + 1) / every;
                Save(x0, w0, firstTile, frame, n);
                Save(x1, w1, firstTile + 1, frame, n);
                Save(x2, w2, firstTile + 2, frame, n);
                Save(x3, w3, firstTile + 3, frame, n);
            }
        }
        Spill(x0, w0, n);
        Spill(x1, w1, n);
        Spill(x2, w2, n);
        Spill(x3, w3, n);
    }

    /// <summary>
    /// RK4 stage s of one tile: K = f(g), then a += w_s K and the next stage input g = x + v_s K. With a and g both
    /// starting at x this is SimdIntegrator's Rk4Step FMA for FMA (its first FMA adds to x, ours to a copy of x).
    /// Components at or past n are skipped by tests the JIT folds where the model's Dimension is a constant.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Stage<TLanes, TReal, TModel>(TModel model, int tile, int s, ref Quad x, ref Quad a, ref Quad g, in StepContext<TLanes> c)
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TReal>
        where TReal : unmanaged, IReal<TReal>
        where TModel : struct, IModel<TReal>
    {
        var k = c.K;
        int n = model.Dimension; // a constant for most models once inlined, so the tests below fold
        model.Evaluate<TLanes, LaneQuad<TLanes>, LanePointer<TLanes>, LanePointer<TLanes>>(
            tile * Vector<T>.Count, new(Lane<TLanes>(g.X0), Lane<TLanes>(g.X1), Lane<TLanes>(g.X2), Lane<TLanes>(g.X3)), new(k), new(c.Scratch));
        Vector<T> wa = c.Weights[s], wg = c.Weights[4 + s];
        a.X0 = SimdMath.Fma(wa, K(k, 0), a.X0); g.X0 = SimdMath.Fma(wg, K(k, 0), x.X0);
        if (n > 1) { a.X1 = SimdMath.Fma(wa, K(k, 1), a.X1); g.X1 = SimdMath.Fma(wg, K(k, 1), x.X1); }
        if (n > 2) { a.X2 = SimdMath.Fma(wa, K(k, 2), a.X2); g.X2 = SimdMath.Fma(wg, K(k, 2), x.X2); }
        if (n > 3) { a.X3 = SimdMath.Fma(wa, K(k, 3), a.X3); g.X3 = SimdMath.Fma(wg, K(k, 3), x.X3); }
    }

    /// <summary>SimdIntegrator's freeze: a lane whose new state has a non-finite component keeps its state from then
    /// on, and its first failing step is recorded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Finish(ref Quad x, ref Vector<T> frozen, in Quad next, TileWork<T> w, long step, int n)
    {
        var finite = Vector.Equals(next.X0 - next.X0, Vector<T>.Zero); // SimdMath.FiniteMask, inlined by hand
        if (n > 1) finite &= Vector.Equals(next.X1 - next.X1, Vector<T>.Zero);
        if (n > 2) finite &= Vector.Equals(next.X2 - next.X2, Vector<T>.Zero);
        if (n > 3) finite &= Vector.Equals(next.X3 - next.X3, Vector<T>.Zero);
        var failed = ~finite & ~frozen;
        if (failed != Vector<T>.Zero)
            w.MarkFailed(failed, step);
        frozen |= ~finite;
        x.X0 = Vector.ConditionalSelect(frozen, x.X0, Flushed(next.X0));
        if (n > 1) x.X1 = Vector.ConditionalSelect(frozen, x.X1, Flushed(next.X1));
        if (n > 2) x.X2 = Vector.ConditionalSelect(frozen, x.X2, Flushed(next.X2));
        if (n > 3) x.X3 = Vector.ConditionalSelect(frozen, x.X3, Flushed(next.X3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<T> Flushed(Vector<T> x) => flush ? TinyFlush<T>.Apply(x) : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes Lane<TLanes>(Vector<T> v) where TLanes : unmanaged => Unsafe.BitCast<Vector<T>, TLanes>(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> K<TLanes>(TLanes* k, int i) where TLanes : unmanaged => Unsafe.BitCast<TLanes, Vector<T>>(k[i]);

    private static Quad Fill(TileWork<T> w)
    {
        var x = w.X;
        Quad q = default;
        q.X0 = x[0];
        if (x.Length > 1) q.X1 = x[1];
        if (x.Length > 2) q.X2 = x[2];
        if (x.Length > 3) q.X3 = x[3];
        return q;
    }

    /// <summary>The registers back into the tile's work buffer, for saving and unloading.</summary>
    private static void Spill(in Quad q, TileWork<T> w, int n)
    {
        var x = w.X;
        x[0] = q.X0;
        if (n > 1) x[1] = q.X1;
        if (n > 2) x[2] = q.X2;
        if (n > 3) x[3] = q.X3;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // rare: kept out of the hot loop's code
    private void Save(in Quad q, TileWork<T> w, int tile, long frame, int n)
    {
        if (solution.Trajectory is null)
            return;
        Spill(q, w, n);
        Store(w, tile, frame);
    }

    private void Store(TileWork<T> w, int tile, long frame)
    {
        if (solution.Trajectory is null)
            return;
        w.Scatter(w.X, solution.Trajectory, frame * plan.N * (long)plan.Members, tile, plan.Members);
    }
}
