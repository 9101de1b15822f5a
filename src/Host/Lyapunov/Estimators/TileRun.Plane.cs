using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors.Lyapunov.Estimators;

internal readonly partial struct TileRun<T, TField>
{
    /// <summary>
    /// True where the tile runs the plane path: the 2-D flow dx/dt = −x + tanh(W x) (the rotation blocks of the scan)
    /// with both exponents, classic RK4, float64. Its state, its 2 × 2 tangent frame and W stay in registers for a
    /// whole run, where the general step passes every stage through spans and calls (<see cref="PlaneRun"/>).
    /// </summary>
    private bool UsesPlanePath => planePath &&
        typeof(T) == typeof(double) && typeof(TField) == typeof(TanhOfLinearSimd<T>) && tableau is null && !isMap && n == 2 && k == 2;

    /// <summary>
    /// Every QR interval of <see cref="Rk4Step"/> and <see cref="Advance"/> on the plane for every tile of
    /// <paramref name="runs"/>, each ending with the tile's QR and <see cref="EndInterval"/>: the same operations on
    /// each lane (SmallMatVec's sums from 0, LaneTanh, the RK4 combinations, TryTrace's trace, the frozen-lane rules
    /// and the tiny-state flush), so each member gets the general path's bits whatever the group (PlanePathTests).
    /// <para>
    /// Why this shape: a tile's step is one chain of dependent operations (W y, the exponential, a division, the next
    /// stage), about a hundred cycles per stage, and a tile has too little other work to fill that time. So each stage
    /// runs for every tile of the group before the next stage starts: the iterations over tiles are independent, and the
    /// out-of-order core overlaps several of them. Each tile's lanes live in a small stack buffer
    /// (<see cref="PlaneLanes"/>) that stays in L1 for the whole run (W, the state and the frame are loaded once, not per
    /// interval: with a QR every two steps, reloading them was 4 % of a scan); within a tile's stage every value is a
    /// local. The tangent columns go through the step's four stored linearisations d = sech²(W Y_s) after all state
    /// stages.
    /// </para>
    /// <para>
    /// Tried and dropped (CPU time of a 64 × 128 scan, 2-core AMD EPYC Zen 3 guest): groups of 4 or 8 tiles instead
    /// of 2 (no gain: the out-of-order window does not reach the third tile); each stage's tanh calls in a loop of
    /// their own over the group's arguments (no gain); a tanh of two vectors with every operation interleaved, written
    /// over a two-vector lane type (22 cycles per vector instead of 38 in a scratch loop when hand-written, but 33
    /// through the generic code, whose polynomial the JIT kept in memory, and slower again inside this method).
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void PlaneRun(ReadOnlySpan<TileRun<T, TField>> runs)
    {
        var plan = runs[0].Plan;
        Span<PlaneLanes> lanes = stackalloc PlaneLanes[runs.Length];
        for (int t = 0; t < runs.Length; t++)
            PlaneLoad(in runs[t], ref lanes[t]);
        var hasContraction = plan.FullSpectrum;
        for (long interval = 0; interval < plan.TotalIntervals; interval++)
        {
            bool accumulating = interval >= plan.TransientIntervals;
            PlaneInterval(runs, lanes, interval, accumulating && hasContraction);
            // All tiles' QRs first, then the bookkeeping: each QR is a chain of two square roots and two divisions,
            // and with nothing between them the core overlaps the tiles' chains.
            foreach (ref var tile in lanes)
                Orthonormalise(ref tile.Qa0, ref tile.Qa1, ref tile.Qb0, ref tile.Qb1, out tile.R0, out tile.R1);
            for (int t = 0; t < runs.Length; t++)
                PlaneEndInterval(in runs[t], ref lanes[t], interval, accumulating);
        }
        // The final state and frame stay in the stack buffer: nothing reads them after the run (each run's Start
        // loads both afresh), and the exponents have gone to the block sums in EndInterval.
    }

    /// <summary>The <see cref="PlaneRun"/>'s steps of one QR interval.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PlaneInterval(ReadOnlySpan<TileRun<T, TField>> runs, Span<PlaneLanes> lanes, long interval, bool contraction)
    {
        double dt = runs[0].Plan.Dt;
        int every = runs[0].Plan.Every;
        for (int s = 0; s < every; s++)
        {
            for (int stage = 0; stage < 4; stage++)
            {
                var weight = new Vector<double>(stage is 0 or 3 ? dt / 6 : dt / 3);
                var toNext = new Vector<double>(stage == 2 ? dt : dt / 2);
                foreach (ref var tile in lanes)
                    StateStage(ref tile, weight, toNext, stage, contraction);
            }
            foreach (ref var tile in lanes)
            {
                TangentColumn(ref tile, dt, ref tile.Qa0, ref tile.Qa1);
                TangentColumn(ref tile, dt, ref tile.Qb0, ref tile.Qb1);
            }
            long step = interval * every + s;
            for (int t = 0; t < runs.Length; t++)
                PlaneAdvance(in runs[t], step, ref lanes[t]);
        }
    }

    /// <summary>
    /// One RK4 stage of one tile's state: f(y) = tanh(W y) − y with d = sech²(W y) kept for the tangents, the
    /// contraction's tr J, the sum n += weight·K and (but for the last stage) the next stage input x + toNext·K. The
    /// first stage starts y and n at x (its fma(dt/6, K, x) is the sum's first term).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StateStage(ref PlaneLanes tile, Vector<double> weight, Vector<double> toNext, int stage, bool contraction)
    {
        Vector<double> x0 = tile.X0, x1 = tile.X1;
        Vector<double> y0, y1, n0, n1;
        if (stage == 0)
            (y0, y1, n0, n1) = (x0, x1, x0, x1);
        else
            (y0, y1, n0, n1) = (tile.Y0, tile.Y1, tile.N0, tile.N1);
        Vector<double> w00 = tile.W00, w01 = tile.W01, w10 = tile.W10, w11 = tile.W11;
        var p0 = Vector.FusedMultiplyAdd(w01, y1, Vector.FusedMultiplyAdd(w00, y0, Vector<double>.Zero));
        var p1 = Vector.FusedMultiplyAdd(w11, y1, Vector.FusedMultiplyAdd(w10, y0, Vector<double>.Zero));
        var t0 = LaneTanh.Evaluate(p0, out var d0);
        var t1 = LaneTanh.Evaluate(p1, out var d1);
        tile.D[2 * stage] = d0;
        tile.D[2 * stage + 1] = d1;
        var k0 = t0 - y0;
        var k1 = t1 - y1;
        if (contraction)
        {
            // The quadrature weight times tr J = (W₀₀ d₀ − 1) + (W₁₁ d₁ − 1), in the lanes not frozen.
            var trace = Vector<double>.Zero;
            trace += w00 * d0 - Vector<double>.One;
            trace += w11 * d1 - Vector<double>.One;
            tile.Contraction += Vector.ConditionalSelect(tile.Frozen, Vector<double>.Zero, weight * trace);
        }
        tile.N0 = Vector.FusedMultiplyAdd(weight, k0, n0);
        tile.N1 = Vector.FusedMultiplyAdd(weight, k1, n1);
        if (stage == 3)
            return;
        tile.Y0 = Vector.FusedMultiplyAdd(toNext, k0, x0);
        tile.Y1 = Vector.FusedMultiplyAdd(toNext, k1, x1);
    }

    /// <summary>One tangent column through a step's four stage linearisations (as <see cref="Rk4TangentStage"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TangentColumn(ref PlaneLanes tile, double dt, ref Vector<double> q0, ref Vector<double> q1)
    {
        Vector<double> w00 = tile.W00, w01 = tile.W01, w10 = tile.W10, w11 = tile.W11;
        Vector<double> v0 = q0, v1 = q1, s0 = q0, s1 = q1;
        for (int stage = 0; stage < 4; stage++)
        {
            var j0 = tile.D[2 * stage] * Vector.FusedMultiplyAdd(w01, v1, Vector.FusedMultiplyAdd(w00, v0, Vector<double>.Zero)) - v0;
            var j1 = tile.D[2 * stage + 1] * Vector.FusedMultiplyAdd(w11, v1, Vector.FusedMultiplyAdd(w10, v0, Vector<double>.Zero)) - v1;
            var weight = new Vector<double>(stage is 0 or 3 ? dt / 6 : dt / 3);
            s0 = Vector.FusedMultiplyAdd(weight, j0, s0);
            s1 = Vector.FusedMultiplyAdd(weight, j1, s1);
            if (stage == 3)
                break;
            var toNext = new Vector<double>(stage == 2 ? dt : dt / 2);
            v0 = Vector.FusedMultiplyAdd(toNext, j0, q0);
            v1 = Vector.FusedMultiplyAdd(toNext, j1, q1);
        }
        (q0, q1) = (s0, s1);
    }

    /// <summary>A tile's weights, state, frame, frozen lanes and contraction into its <see cref="PlaneLanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlaneLoad(in TileRun<T, TField> run, ref PlaneLanes tile)
    {
        var field = run.Field;
        Unsafe.As<TField, TanhOfLinearSimd<T>>(ref field).PlaneWeights(run.Tile, out var a, out var b, out var c, out var d);
        (tile.W00, tile.W01, tile.W10, tile.W11) = (a.As<T, double>(), b.As<T, double>(), c.As<T, double>(), d.As<T, double>());
        var w = run.Work;
        (tile.X0, tile.X1) = (w.X[0].As<T, double>(), w.X[1].As<T, double>());
        (tile.Qa0, tile.Qa1, tile.Qb0, tile.Qb1) = (w.Q[0].As<T, double>(), w.Q[1].As<T, double>(), w.Q[2].As<T, double>(), w.Q[3].As<T, double>());
        tile.Frozen = w.Frozen.As<T, double>();
        tile.Contraction = w.ContractionLanes;
    }

    /// <summary><see cref="Advance"/>: lanes that went non-finite freeze at their last state; the others take the flushed next state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PlaneAdvance(in TileRun<T, TField> run, long step, ref PlaneLanes tile)
    {
        Vector<double> n0 = tile.N0, n1 = tile.N1, frozen = tile.Frozen;
        var finite = SimdMath.FiniteMask(n0) & SimdMath.FiniteMask(n1);
        if ((~finite & ~frozen) != Vector<double>.Zero)
            tile.Frozen = frozen = run.Freeze(frozen.As<double, T>(), finite.As<double, T>(), step).As<T, double>();
        tile.X0 = Vector.ConditionalSelect(frozen, tile.X0, TinyFlush<double>.Apply(n0));
        tile.X1 = Vector.ConditionalSelect(frozen, tile.X1, TinyFlush<double>.Apply(n1));
    }

    /// <summary>
    /// After the interval's QR: R, the frozen lanes and the contraction go to the tile for <see cref="EndInterval"/>
    /// (log |R_ii|, freezing, the contraction's flush), whose frozen lanes and contraction come back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlaneEndInterval(in TileRun<T, TField> run, ref PlaneLanes tile, long interval, bool accumulating)
    {
        var w = run.Work;
        (w.R[0], w.R[1]) = (tile.R0.As<double, T>(), tile.R1.As<double, T>());
        w.Frozen = tile.Frozen.As<double, T>();
        w.ContractionLanes = tile.Contraction;
        run.EndInterval(interval, accumulating, orthonormalised: true);
        tile.Frozen = w.Frozen.As<T, double>();
        tile.Contraction = w.ContractionLanes;
    }

    private TField Field => @field;
    private int Tile => tile;
    private LyapunovTile<T> Work => w;

    /// <summary>
    /// The interval's QR of the 2 × 2 frame, as <see cref="LaneGramSchmidt.Factor{T}"/> does it (the second column
    /// projected out twice, every sum from 0 in the same order), so R and Q keep its bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Orthonormalise(ref Vector<double> q00, ref Vector<double> q10, ref Vector<double> q01, ref Vector<double> q11,
        out Vector<double> r0, out Vector<double> r1)
    {
        var one = Vector<double>.One;
        r0 = Vector.SquareRoot(Vector.FusedMultiplyAdd(q10, q10, Vector.FusedMultiplyAdd(q00, q00, Vector<double>.Zero)));
        var inverse = one / r0;
        q00 *= inverse;
        q10 *= inverse;
        for (int pass = 0; pass < 2; pass++)
        {
            var minusDot = -Vector.FusedMultiplyAdd(q10, q11, Vector.FusedMultiplyAdd(q00, q01, Vector<double>.Zero));
            q01 = Vector.FusedMultiplyAdd(minusDot, q00, q01);
            q11 = Vector.FusedMultiplyAdd(minusDot, q10, q11);
        }
        r1 = Vector.SquareRoot(Vector.FusedMultiplyAdd(q11, q11, Vector.FusedMultiplyAdd(q01, q01, Vector<double>.Zero)));
        inverse = one / r1;
        q01 *= inverse;
        q11 *= inverse;
    }
}

/// <summary>
/// One tile's lanes while the plane path runs its group (<c>TileRun.PlaneRun</c>): W, the state x, the stage input y
/// and RK4 sum n, the 2 × 2 frame (columns a and b) and its QR's diagonal R, the frozen lanes, the contraction's sum,
/// and the step's stage linearisations d = sech²(W Y_s) (two per stage).
/// </summary>
internal struct PlaneLanes
{
    public Vector<double> W00, W01, W10, W11, X0, X1, Y0, Y1, N0, N1, Qa0, Qa1, Qb0, Qb1, R0, R1, Frozen, Contraction;
    public PlaneSlopes D;
}

/// <summary>The eight stage linearisations of <see cref="PlaneLanes"/>.</summary>
[InlineArray(8)]
internal struct PlaneSlopes
{
    private Vector<double> first;
}
