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
    /// whole QR interval, where the general step passes every stage through spans and calls
    /// (<see cref="PlaneInterval(in TileRun{T, TField}, long, bool)"/>).
    /// </summary>
    private bool UsesPlanePath => planePath &&
        typeof(T) == typeof(double) && typeof(TField) == typeof(TanhOfLinearSimd<T>) && tableau is null && !isMap && n == 2 && k == 2;

    /// <summary>One QR interval of the plane path for each tile of <paramref name="runs"/>, ending with its QR.</summary>
    private static void PlaneInterval(ReadOnlySpan<TileRun<T, TField>> runs, long interval, bool contraction)
    {
        int t = 0;
        for (; t + 2 <= runs.Length; t += 2)
            PlaneInterval(in runs[t], in runs[t + 1], interval, contraction);
        if (t < runs.Length)
            PlaneInterval(in runs[t], interval, contraction);
    }

    /// <summary>
    /// <see cref="PlaneInterval(in TileRun{T, TField}, long, bool)"/> for tiles <paramref name="a"/> and
    /// <paramref name="b"/> side by side: each state stage of <paramref name="a"/> is followed by the same stage of
    /// <paramref name="b"/> (<see cref="StateStage"/>), so the core overlaps the two tiles' chains of dependent
    /// operations, which it cannot do across a whole step of one tile; then both tiles' tangent columns. Each tile does
    /// exactly the arithmetic it would do alone. 9–10 % less CPU time than one tile at a time (48 × 48 scan, 2-core AMD
    /// EPYC Zen 3 guest): only the state, a few vectors per tile, has to stay in registers across a stage.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void PlaneInterval(in TileRun<T, TField> a, in TileRun<T, TField> b, long interval, bool contraction)
    {
        var plan = a.Plan;
        Weights(in a, out var aw00, out var aw01, out var aw10, out var aw11);
        Weights(in b, out var bw00, out var bw01, out var bw10, out var bw11);
        var wa = a.Work;
        var wb = b.Work;
        Vector<double> ax0 = wa.X[0].As<T, double>(), ax1 = wa.X[1].As<T, double>();
        Vector<double> bx0 = wb.X[0].As<T, double>(), bx1 = wb.X[1].As<T, double>();
        Vector<double> aqa0 = wa.Q[0].As<T, double>(), aqa1 = wa.Q[1].As<T, double>(), aqb0 = wa.Q[2].As<T, double>(), aqb1 = wa.Q[3].As<T, double>();
        Vector<double> bqa0 = wb.Q[0].As<T, double>(), bqa1 = wb.Q[1].As<T, double>(), bqb0 = wb.Q[2].As<T, double>(), bqb1 = wb.Q[3].As<T, double>();
        Vector<double> aFrozen = wa.Frozen.As<T, double>(), bFrozen = wb.Frozen.As<T, double>();
        Vector<double> aContraction = wa.ContractionLanes, bContraction = wb.ContractionLanes;
        double dt = plan.Dt;
        int every = plan.Every;
        Span<Vector<double>> da = stackalloc Vector<double>[8];
        Span<Vector<double>> db = stackalloc Vector<double>[8];
        for (int s = 0; s < every; s++)
        {
            // Stage inputs y and RK4 sums n start at x (the first stage's fma(dt/6, K, x) is the sum's first term).
            Vector<double> ay0 = ax0, ay1 = ax1, an0 = ax0, an1 = ax1;
            Vector<double> by0 = bx0, by1 = bx1, bn0 = bx0, bn1 = bx1;
            for (int stage = 0; stage < 4; stage++)
            {
                var weight = new Vector<double>(stage is 0 or 3 ? dt / 6 : dt / 3);
                var toNext = new Vector<double>(stage == 2 ? dt : dt / 2);
                bool last = stage == 3;
                StateStage(aw00, aw01, aw10, aw11, weight, toNext, last, contraction, aFrozen, ax0, ax1, da, stage, ref ay0, ref ay1, ref an0, ref an1, ref aContraction);
                StateStage(bw00, bw01, bw10, bw11, weight, toNext, last, contraction, bFrozen, bx0, bx1, db, stage, ref by0, ref by1, ref bn0, ref bn1, ref bContraction);
            }
            TangentColumn(aw00, aw01, aw10, aw11, da, dt, ref aqa0, ref aqa1);
            TangentColumn(aw00, aw01, aw10, aw11, da, dt, ref aqb0, ref aqb1);
            TangentColumn(bw00, bw01, bw10, bw11, db, dt, ref bqa0, ref bqa1);
            TangentColumn(bw00, bw01, bw10, bw11, db, dt, ref bqb0, ref bqb1);
            long step = interval * every + s;
            PlaneAdvance(in a, step, an0, an1, ref ax0, ref ax1, ref aFrozen);
            PlaneAdvance(in b, step, bn0, bn1, ref bx0, ref bx1, ref bFrozen);
        }
        PlaneStore(wa, ax0, ax1, aqa0, aqa1, aqb0, aqb1, aFrozen, aContraction);
        PlaneStore(wb, bx0, bx1, bqa0, bqa1, bqb0, bqb1, bFrozen, bContraction);
    }

    /// <summary>
    /// One RK4 stage of one tile's state: f(y) = tanh(W y) − y with d = sech²(W y) into <paramref name="d"/>, the
    /// contraction's tr J, the sum n += weight·K and (unless <paramref name="last"/>) the next stage input x + toNext·K.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StateStage(Vector<double> w00, Vector<double> w01, Vector<double> w10, Vector<double> w11, Vector<double> weight,
        Vector<double> toNext, bool last, bool contraction, Vector<double> frozen, Vector<double> x0, Vector<double> x1, Span<Vector<double>> d, int stage,
        ref Vector<double> y0, ref Vector<double> y1, ref Vector<double> n0, ref Vector<double> n1, ref Vector<double> contractionLanes)
    {
        var p0 = Vector.FusedMultiplyAdd(w01, y1, Vector.FusedMultiplyAdd(w00, y0, Vector<double>.Zero));
        var p1 = Vector.FusedMultiplyAdd(w11, y1, Vector.FusedMultiplyAdd(w10, y0, Vector<double>.Zero));
        var t0 = LaneTanh.Evaluate(p0, out var d0);
        var t1 = LaneTanh.Evaluate(p1, out var d1);
        d[2 * stage] = d0;
        d[2 * stage + 1] = d1;
        var k0 = t0 - y0;
        var k1 = t1 - y1;
        if (contraction)
        {
            // The quadrature weight times tr J = (W₀₀ d₀ − 1) + (W₁₁ d₁ − 1), in the lanes not frozen.
            var trace = Vector<double>.Zero;
            trace += w00 * d0 - Vector<double>.One;
            trace += w11 * d1 - Vector<double>.One;
            contractionLanes += Vector.ConditionalSelect(frozen, Vector<double>.Zero, weight * trace);
        }
        n0 = Vector.FusedMultiplyAdd(weight, k0, n0);
        n1 = Vector.FusedMultiplyAdd(weight, k1, n1);
        if (last)
            return;
        y0 = Vector.FusedMultiplyAdd(toNext, k0, x0);
        y1 = Vector.FusedMultiplyAdd(toNext, k1, x1);
    }

    /// <summary>
    /// One QR interval of <see cref="Rk4Step"/> and <see cref="Advance"/> on the plane for one tile: the same operations
    /// on each lane (SmallMatVec's sums from 0, LaneTanh, the RK4 combinations, TryTrace's trace, the frozen-lane rules
    /// and the tiny-state flush), so each member gets the general path's bits (PlanePathTests). Each step runs its four
    /// state stages first, keeping their d = sech²(W X_s) in a small stack buffer, then both tangent columns through
    /// them.
    /// <para>
    /// Why this shape: every value is a local Vector&lt;double&gt; and few are live at a time, so the state's chain of
    /// dependent operations (W x, the exponential, a division, the next stage) runs from registers, and the tangent
    /// columns, independent of the next step's state, fill the core's idle units. Tiles go in pairs where they can
    /// (<see cref="PlaneInterval(in TileRun{T, TField}, in TileRun{T, TField}, long, bool)"/>). A struct of both tiles'
    /// lanes made the JIT keep hundreds of copies in an 8 KB stack frame; separate locals with the tangent columns fused
    /// into each stage needed twice the registers there are and ran 7–10 % slower than this loop (CPU time of a
    /// 48 × 48 scan on a 2-core AMD EPYC Zen 3 guest).
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void PlaneInterval(in TileRun<T, TField> run, long interval, bool contraction)
    {
        var plan = run.Plan;
        Weights(in run, out var w00, out var w01, out var w10, out var w11);
        var w = run.Work;
        Vector<double> x0 = w.X[0].As<T, double>(), x1 = w.X[1].As<T, double>();
        Vector<double> qa0 = w.Q[0].As<T, double>(), qa1 = w.Q[1].As<T, double>(), qb0 = w.Q[2].As<T, double>(), qb1 = w.Q[3].As<T, double>();
        var frozen = w.Frozen.As<T, double>();
        var contractionLanes = w.ContractionLanes;
        double dt = plan.Dt;
        int every = plan.Every;
        Span<Vector<double>> d = stackalloc Vector<double>[8];
        for (int s = 0; s < every; s++)
        {
            // Stage inputs y and RK4 sums n start at x (the first stage's fma(dt/6, K, x) is the sum's first term).
            Vector<double> y0 = x0, y1 = x1, n0 = x0, n1 = x1;
            for (int stage = 0; stage < 4; stage++)
            {
                var weight = new Vector<double>(stage is 0 or 3 ? dt / 6 : dt / 3);
                var toNext = new Vector<double>(stage == 2 ? dt : dt / 2);
                StateStage(w00, w01, w10, w11, weight, toNext, stage == 3, contraction, frozen, x0, x1, d, stage, ref y0, ref y1, ref n0, ref n1, ref contractionLanes);
            }
            TangentColumn(w00, w01, w10, w11, d, dt, ref qa0, ref qa1);
            TangentColumn(w00, w01, w10, w11, d, dt, ref qb0, ref qb1);
            PlaneAdvance(in run, interval * every + s, n0, n1, ref x0, ref x1, ref frozen);
        }
        PlaneStore(w, x0, x1, qa0, qa1, qb0, qb1, frozen, contractionLanes);
    }

    /// <summary>One tangent column through a step's four stage linearisations (as <see cref="Rk4TangentStage"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TangentColumn(Vector<double> w00, Vector<double> w01, Vector<double> w10, Vector<double> w11, ReadOnlySpan<Vector<double>> d,
        double dt, ref Vector<double> q0, ref Vector<double> q1)
    {
        Vector<double> v0 = q0, v1 = q1, s0 = q0, s1 = q1;
        for (int stage = 0; stage < 4; stage++)
        {
            var j0 = d[2 * stage] * Vector.FusedMultiplyAdd(w01, v1, Vector.FusedMultiplyAdd(w00, v0, Vector<double>.Zero)) - v0;
            var j1 = d[2 * stage + 1] * Vector.FusedMultiplyAdd(w11, v1, Vector.FusedMultiplyAdd(w10, v0, Vector<double>.Zero)) - v1;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Weights(in TileRun<T, TField> run, out Vector<double> w00, out Vector<double> w01, out Vector<double> w10, out Vector<double> w11)
    {
        var field = run.Field;
        Unsafe.As<TField, TanhOfLinearSimd<T>>(ref field).PlaneWeights(run.Tile, out var a, out var b, out var c, out var d);
        (w00, w01, w10, w11) = (a.As<T, double>(), b.As<T, double>(), c.As<T, double>(), d.As<T, double>());
    }

    /// <summary><see cref="Advance"/>: lanes that went non-finite freeze at their last state; the others take the flushed next state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PlaneAdvance(in TileRun<T, TField> run, long step, Vector<double> n0, Vector<double> n1,
        ref Vector<double> x0, ref Vector<double> x1, ref Vector<double> frozen)
    {
        var finite = SimdMath.FiniteMask(n0) & SimdMath.FiniteMask(n1);
        if ((~finite & ~frozen) != Vector<double>.Zero)
            frozen = run.Freeze(frozen.As<double, T>(), finite.As<double, T>(), step).As<T, double>();
        x0 = Vector.ConditionalSelect(frozen, x0, TinyFlush<double>.Apply(n0));
        x1 = Vector.ConditionalSelect(frozen, x1, TinyFlush<double>.Apply(n1));
    }

    /// <summary>The interval's QR, then state, frame, R, frozen lanes and contraction back into the tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlaneStore(LyapunovTile<T> w, Vector<double> x0, Vector<double> x1, Vector<double> qa0, Vector<double> qa1,
        Vector<double> qb0, Vector<double> qb1, Vector<double> frozen, Vector<double> contractionLanes)
    {
        Orthonormalise(ref qa0, ref qa1, ref qb0, ref qb1, out var r0, out var r1);
        (w.R[0], w.R[1]) = (r0.As<double, T>(), r1.As<double, T>());
        (w.X[0], w.X[1]) = (x0.As<double, T>(), x1.As<double, T>());
        (w.Q[0], w.Q[1], w.Q[2], w.Q[3]) = (qa0.As<double, T>(), qa1.As<double, T>(), qb0.As<double, T>(), qb1.As<double, T>());
        w.Frozen = frozen.As<double, T>();
        w.ContractionLanes = contractionLanes;
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
