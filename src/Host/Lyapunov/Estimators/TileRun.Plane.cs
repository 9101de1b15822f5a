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
    /// whole QR interval, where the general step passes every stage through spans and calls, and two tiles step side
    /// by side (<see cref="PlaneInterval(in TileRun{T, TField}, in TileRun{T, TField}, bool, long, bool)"/>).
    /// </summary>
    private bool UsesPlanePath => planePath &&
        typeof(T) == typeof(double) && typeof(TField) == typeof(TanhOfLinearSimd<T>) && tableau is null && !isMap && n == 2 && k == 2;

    /// <summary>One QR interval of the plane path for <paramref name="runs"/>, two tiles at a time, ending with its QR.</summary>
    private static void PlaneInterval(ReadOnlySpan<TileRun<T, TField>> runs, long interval, bool contraction)
    {
        int t = 0;
        for (; t + 2 <= runs.Length; t += 2)
            PlaneInterval(in runs[t], in runs[t + 1], true, interval, contraction);
        if (t < runs.Length)
            PlaneInterval(in runs[t], in runs[t], false, interval, contraction);
    }

    /// <summary>
    /// One QR interval of <see cref="Rk4Step"/> and <see cref="Advance"/> on the plane for tiles <paramref name="a"/>
    /// and <paramref name="b"/> (with <paramref name="hasB"/> false, <paramref name="b"/> is <paramref name="a"/> again,
    /// stepped and discarded): the same operations on each lane (SmallMatVec's sums from 0, LaneTanh, the RK4
    /// combinations, TryTrace's trace, the frozen-lane rules and the tiny-state flush), so each member gets the general
    /// path's bits (PlanePathTests).
    /// <para>
    /// Why two tiles: one tile's step is a single chain of dependent operations (W x, then exp, then a division, then
    /// the next stage) that leaves the FMA units idle while it waits; each stage of the two tiles is issued back to back
    /// (<see cref="PlaneStage"/>), so the core overlaps the two chains. The tangent columns take each stage right after
    /// the state's, from that stage's d = sech²(W X_s), so nothing of a step is stored. Every value is a local
    /// Vector&lt;double&gt;: a struct holding both tiles' lanes made the JIT keep hundreds of copies in an 8 KB stack
    /// frame (and the scan about twice as slow).
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void PlaneInterval(in TileRun<T, TField> a, in TileRun<T, TField> b, bool hasB, long interval, bool contraction)
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
        for (int s = 0; s < every; s++)
        {
            // Stage inputs (y for the state, va and vb for the columns) and the RK4 sums (n, sa, sb), which start at
            // x and Q: the first stage's fma(dt/6, K, x) is the sum's first term.
            Vector<double> ay0 = ax0, ay1 = ax1, an0 = ax0, an1 = ax1;
            Vector<double> ava0 = aqa0, ava1 = aqa1, avb0 = aqb0, avb1 = aqb1, asa0 = aqa0, asa1 = aqa1, asb0 = aqb0, asb1 = aqb1;
            Vector<double> by0 = bx0, by1 = bx1, bn0 = bx0, bn1 = bx1;
            Vector<double> bva0 = bqa0, bva1 = bqa1, bvb0 = bqb0, bvb1 = bqb1, bsa0 = bqa0, bsa1 = bqa1, bsb0 = bqb0, bsb1 = bqb1;
            for (int stage = 0; stage < 4; stage++)
            {
                var weight = new Vector<double>(stage is 0 or 3 ? dt / 6 : dt / 3);
                var toNext = new Vector<double>(stage == 2 ? dt : dt / 2);
                bool last = stage == 3;
                PlaneStage(aw00, aw01, aw10, aw11, weight, toNext, last, contraction, aFrozen, ax0, ax1, aqa0, aqa1, aqb0, aqb1,
                    ref ay0, ref ay1, ref ava0, ref ava1, ref avb0, ref avb1, ref an0, ref an1, ref asa0, ref asa1, ref asb0, ref asb1, ref aContraction);
                PlaneStage(bw00, bw01, bw10, bw11, weight, toNext, last, contraction, bFrozen, bx0, bx1, bqa0, bqa1, bqb0, bqb1,
                    ref by0, ref by1, ref bva0, ref bva1, ref bvb0, ref bvb1, ref bn0, ref bn1, ref bsa0, ref bsa1, ref bsb0, ref bsb1, ref bContraction);
            }
            (aqa0, aqa1, aqb0, aqb1) = (asa0, asa1, asb0, asb1);
            (bqa0, bqa1, bqb0, bqb1) = (bsa0, bsa1, bsb0, bsb1);
            long step = interval * every + s;
            PlaneAdvance(in a, step, an0, an1, ref ax0, ref ax1, ref aFrozen);
            if (hasB)
                PlaneAdvance(in b, step, bn0, bn1, ref bx0, ref bx1, ref bFrozen);
        }
        PlaneStore(wa, ax0, ax1, aqa0, aqa1, aqb0, aqb1, aFrozen, aContraction);
        if (hasB)
            PlaneStore(wb, bx0, bx1, bqa0, bqa1, bqb0, bqb1, bFrozen, bContraction);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Weights(in TileRun<T, TField> run, out Vector<double> w00, out Vector<double> w01, out Vector<double> w10, out Vector<double> w11)
    {
        var field = run.Field;
        Unsafe.As<TField, TanhOfLinearSimd<T>>(ref field).PlaneWeights(run.Tile, out var a, out var b, out var c, out var d);
        (w00, w01, w10, w11) = (a.As<T, double>(), b.As<T, double>(), c.As<T, double>(), d.As<T, double>());
    }

    /// <summary>
    /// One RK4 stage of one tile: f(y) = tanh(W y) − y with d = sech²(W y), the contraction's tr J, both columns'
    /// J v = d ⊙ (W v) − v, the sums n += weight·K and s += weight·J v, and (unless <paramref name="last"/>) the next
    /// stage's inputs x + toNext·K and q + toNext·J v.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PlaneStage(Vector<double> w00, Vector<double> w01, Vector<double> w10, Vector<double> w11, Vector<double> weight,
        Vector<double> toNext, bool last, bool contraction, Vector<double> frozen,
        Vector<double> x0, Vector<double> x1, Vector<double> qa0, Vector<double> qa1, Vector<double> qb0, Vector<double> qb1,
        ref Vector<double> y0, ref Vector<double> y1, ref Vector<double> va0, ref Vector<double> va1, ref Vector<double> vb0, ref Vector<double> vb1,
        ref Vector<double> n0, ref Vector<double> n1, ref Vector<double> sa0, ref Vector<double> sa1, ref Vector<double> sb0, ref Vector<double> sb1,
        ref Vector<double> contractionLanes)
    {
        var p0 = Vector.FusedMultiplyAdd(w01, y1, Vector.FusedMultiplyAdd(w00, y0, Vector<double>.Zero));
        var p1 = Vector.FusedMultiplyAdd(w11, y1, Vector.FusedMultiplyAdd(w10, y0, Vector<double>.Zero));
        var t0 = LaneTanh.Evaluate(p0, out var d0);
        var t1 = LaneTanh.Evaluate(p1, out var d1);
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
        var ja0 = d0 * Vector.FusedMultiplyAdd(w01, va1, Vector.FusedMultiplyAdd(w00, va0, Vector<double>.Zero)) - va0;
        var ja1 = d1 * Vector.FusedMultiplyAdd(w11, va1, Vector.FusedMultiplyAdd(w10, va0, Vector<double>.Zero)) - va1;
        var jb0 = d0 * Vector.FusedMultiplyAdd(w01, vb1, Vector.FusedMultiplyAdd(w00, vb0, Vector<double>.Zero)) - vb0;
        var jb1 = d1 * Vector.FusedMultiplyAdd(w11, vb1, Vector.FusedMultiplyAdd(w10, vb0, Vector<double>.Zero)) - vb1;
        n0 = Vector.FusedMultiplyAdd(weight, k0, n0);
        n1 = Vector.FusedMultiplyAdd(weight, k1, n1);
        sa0 = Vector.FusedMultiplyAdd(weight, ja0, sa0);
        sa1 = Vector.FusedMultiplyAdd(weight, ja1, sa1);
        sb0 = Vector.FusedMultiplyAdd(weight, jb0, sb0);
        sb1 = Vector.FusedMultiplyAdd(weight, jb1, sb1);
        if (last)
            return;
        y0 = Vector.FusedMultiplyAdd(toNext, k0, x0);
        y1 = Vector.FusedMultiplyAdd(toNext, k1, x1);
        va0 = Vector.FusedMultiplyAdd(toNext, ja0, qa0);
        va1 = Vector.FusedMultiplyAdd(toNext, ja1, qa1);
        vb0 = Vector.FusedMultiplyAdd(toNext, jb0, qb0);
        vb1 = Vector.FusedMultiplyAdd(toNext, jb1, qb1);
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
