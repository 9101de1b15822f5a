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
    /// by side (<see cref="IPlaneLanes{TSelf}"/>).
    /// </summary>
    private bool UsesPlanePath => planePath &&
        typeof(T) == typeof(double) && typeof(TField) == typeof(TanhOfLinearSimd<T>) && tableau is null && !isMap && n == 2 && k == 2;

    /// <summary>One QR interval of the plane path for <paramref name="runs"/>, two tiles at a time, ending with its QR.</summary>
    private static void PlaneInterval(ReadOnlySpan<TileRun<T, TField>> runs, long interval, bool contraction)
    {
        int t = 0;
        for (; t + 2 <= runs.Length; t += 2)
            PlaneInterval<TwoTiles>(runs.Slice(t, 2), interval, contraction);
        if (t < runs.Length)
            PlaneInterval<OneTile>(runs.Slice(t, 1), interval, contraction);
    }

    /// <summary>
    /// One QR interval of <see cref="Rk4Step"/> and <see cref="Advance"/> on the plane: the same operations in the same
    /// order (SmallMatVec's sums from 0, LaneTanh, the RK4 combinations, TryTrace's trace, the frozen-lane rules and the
    /// tiny-state flush), so each member gets the general path's bits (PlanePathTests).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlaneInterval<TL>(ReadOnlySpan<TileRun<T, TField>> runs, long interval, bool contraction) where TL : struct, IPlaneLanes<TL>
    {
        var plan = runs[0].Plan;
        TL w00 = default, w01 = default, w10 = default, w11 = default, x0 = default, x1 = default;
        TL q00 = default, q10 = default, q01 = default, q11 = default, frozen = default, contractionLanes = default;
        for (int t = 0; t < TL.Tiles; t++)
        {
            var run = runs[t];
            var field = run.Field;
            Unsafe.As<TField, TanhOfLinearSimd<T>>(ref field).PlaneWeights(run.Tile, out var wa, out var wb, out var wc, out var wd);
            (w00[t], w01[t], w10[t], w11[t]) = (wa.As<T, double>(), wb.As<T, double>(), wc.As<T, double>(), wd.As<T, double>());
            var w = run.Work;
            (x0[t], x1[t]) = (w.X[0].As<T, double>(), w.X[1].As<T, double>());
            (q00[t], q10[t], q01[t], q11[t]) = (w.Q[0].As<T, double>(), w.Q[1].As<T, double>(), w.Q[2].As<T, double>(), w.Q[3].As<T, double>());
            frozen[t] = w.Frozen.As<T, double>();
            contractionLanes[t] = w.ContractionLanes;
        }
        var c = new PlaneConstants<TL>
        {
            W00 = w00, W01 = w01, W10 = w10, W11 = w11,
            Dt = TL.Broadcast(plan.Dt), Half = TL.Broadcast(plan.Dt / 2), Third = TL.Broadcast(plan.Dt / 3), Sixth = TL.Broadcast(plan.Dt / 6),
        };
        var d = default(PlaneStages<TL>);
        for (int s = 0; s < plan.Every; s++)
        {
            // Stage 1 at x.
            var k0 = Slope(w00, w01, w10, w11, x0, x1, out var k1, out d.D00, out d.D01);
            if (contraction)
                contractionLanes += Trace(w00, w11, d.D00, d.D01, c.Sixth, frozen);
            var n0 = TL.Fma(c.Sixth, k0, x0);
            var n1 = TL.Fma(c.Sixth, k1, x1);
            var s0 = TL.Fma(c.Half, k0, x0);
            var s1 = TL.Fma(c.Half, k1, x1);
            // Stage 2.
            k0 = Slope(w00, w01, w10, w11, s0, s1, out k1, out d.D10, out d.D11);
            if (contraction)
                contractionLanes += Trace(w00, w11, d.D10, d.D11, c.Third, frozen);
            n0 = TL.Fma(c.Third, k0, n0);
            n1 = TL.Fma(c.Third, k1, n1);
            s0 = TL.Fma(c.Half, k0, x0);
            s1 = TL.Fma(c.Half, k1, x1);
            // Stage 3.
            k0 = Slope(w00, w01, w10, w11, s0, s1, out k1, out d.D20, out d.D21);
            if (contraction)
                contractionLanes += Trace(w00, w11, d.D20, d.D21, c.Third, frozen);
            n0 = TL.Fma(c.Third, k0, n0);
            n1 = TL.Fma(c.Third, k1, n1);
            s0 = TL.Fma(c.Dt, k0, x0);
            s1 = TL.Fma(c.Dt, k1, x1);
            // Stage 4.
            k0 = Slope(w00, w01, w10, w11, s0, s1, out k1, out d.D30, out d.D31);
            if (contraction)
                contractionLanes += Trace(w00, w11, d.D30, d.D31, c.Sixth, frozen);
            n0 = TL.Fma(c.Sixth, k0, n0);
            n1 = TL.Fma(c.Sixth, k1, n1);

            TangentSteps(in c, in d, ref q00, ref q10, ref q01, ref q11);

            var finite = TL.FiniteMask(n0);
            finite = TL.Select(finite, TL.FiniteMask(n1), TL.Zero);
            if (TL.AnyNewlyFailed(finite, frozen))
            {
                for (int t = 0; t < TL.Tiles; t++)
                    frozen[t] = runs[t].Freeze(frozen[t].As<double, T>(), finite[t].As<double, T>(), interval * plan.Every + s).As<T, double>();
            }
            x0 = TL.Select(frozen, x0, TL.Flush(n0));
            x1 = TL.Select(frozen, x1, TL.Flush(n1));
        }
        Orthonormalise(ref q00, ref q10, ref q01, ref q11, out var r0, out var r1);
        for (int t = 0; t < TL.Tiles; t++)
        {
            var w = runs[t].Work;
            (w.R[0], w.R[1]) = (r0[t].As<double, T>(), r1[t].As<double, T>());
            (w.X[0], w.X[1]) = (x0[t].As<double, T>(), x1[t].As<double, T>());
            (w.Q[0], w.Q[1], w.Q[2], w.Q[3]) = (q00[t].As<double, T>(), q10[t].As<double, T>(), q01[t].As<double, T>(), q11[t].As<double, T>());
            w.Frozen = frozen[t].As<double, T>();
            w.ContractionLanes = contractionLanes[t];
        }
    }

    private TField Field => @field;
    private int Tile => tile;
    private LyapunovTile<T> Work => w;

    /// <summary>f(x) = tanh(W x) − x, with d = sech²(W x) for J = diag(d) W − I.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Slope<TL>(TL w00, TL w01, TL w10, TL w11, TL x0, TL x1, out TL f1, out TL d0, out TL d1) where TL : struct, IPlaneLanes<TL>
    {
        var p0 = TL.Fma(w01, x1, TL.Fma(w00, x0, TL.Zero));
        var p1 = TL.Fma(w11, x1, TL.Fma(w10, x0, TL.Zero));
        var t0 = TL.Tanh(p0, out d0);
        var t1 = TL.Tanh(p1, out d1);
        f1 = t1 - x1;
        return t0 - x0;
    }

    /// <summary>The quadrature weight times tr J = (W₀₀ d₀ − 1) + (W₁₁ d₁ − 1), in the lanes not frozen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Trace<TL>(TL w00, TL w11, TL d0, TL d1, TL weight, TL frozen) where TL : struct, IPlaneLanes<TL>
    {
        var one = TL.Broadcast(1.0);
        var trace = TL.Zero;
        trace += w00 * d0 - one;
        trace += w11 * d1 - one;
        return TL.Select(frozen, TL.Zero, weight * trace);
    }

    /// <summary>J v = d ⊙ (W v) − v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TL Jv<TL>(TL w00, TL w01, TL w10, TL w11, TL d0, TL d1, TL v0, TL v1, out TL jv1) where TL : struct, IPlaneLanes<TL>
    {
        var u0 = TL.Fma(w01, v1, TL.Fma(w00, v0, TL.Zero));
        var u1 = TL.Fma(w11, v1, TL.Fma(w10, v0, TL.Zero));
        jv1 = d1 * u1 - v1;
        return d0 * u0 - v0;
    }

    /// <summary>
    /// The interval's QR of the 2 × 2 frame, as <see cref="LaneGramSchmidt.Factor{T}"/> does it (the second column
    /// projected out twice, every sum from 0 in the same order), so R and Q keep its bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Orthonormalise<TL>(ref TL q00, ref TL q10, ref TL q01, ref TL q11, out TL r0, out TL r1) where TL : struct, IPlaneLanes<TL>
    {
        var one = TL.Broadcast(1.0);
        r0 = TL.Sqrt(TL.Fma(q10, q10, TL.Fma(q00, q00, TL.Zero)));
        var inverse = one / r0;
        q00 *= inverse;
        q10 *= inverse;
        for (int pass = 0; pass < 2; pass++)
        {
            var minusDot = -TL.Fma(q10, q11, TL.Fma(q00, q01, TL.Zero));
            q01 = TL.Fma(minusDot, q00, q01);
            q11 = TL.Fma(minusDot, q10, q11);
        }
        r1 = TL.Sqrt(TL.Fma(q11, q11, TL.Fma(q01, q01, TL.Zero)));
        inverse = one / r1;
        q01 *= inverse;
        q11 *= inverse;
    }

    /// <summary>The four stage linearisations d = sech²(W X_s) of one step, kept for the tangent columns.</summary>
    private struct PlaneStages<TL> where TL : struct, IPlaneLanes<TL>
    {
        public TL D00, D01, D10, D11, D20, D21, D30, D31;
    }

    /// <summary>W and the RK4 weights, constant over an interval.</summary>
    private struct PlaneConstants<TL> where TL : struct, IPlaneLanes<TL>
    {
        public TL W00, W01, W10, W11, Dt, Half, Third, Sixth;
    }

    /// <summary>
    /// Both tangent columns through the step's four stage linearisations, as <see cref="Rk4TangentStage"/>. Not
    /// inlined, and its inputs by reference: PlaneInterval would exceed the JIT's inlining budget and leave the lane
    /// operations themselves as calls, and 16 lane pairs by value are a kilobyte of copies per call.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void TangentSteps<TL>(in PlaneConstants<TL> c, in PlaneStages<TL> d, ref TL q00, ref TL q10, ref TL q01, ref TL q11)
        where TL : struct, IPlaneLanes<TL>
    {
        TangentStep(in c, in d, ref q00, ref q10);
        TangentStep(in c, in d, ref q01, ref q11);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TangentStep<TL>(in PlaneConstants<TL> c, in PlaneStages<TL> d, ref TL q0, ref TL q1) where TL : struct, IPlaneLanes<TL>
    {
        var k0 = Jv(c.W00, c.W01, c.W10, c.W11, d.D00, d.D01, q0, q1, out var k1);
        var a0 = TL.Fma(c.Sixth, k0, q0);
        var a1 = TL.Fma(c.Sixth, k1, q1);
        var s0 = TL.Fma(c.Half, k0, q0);
        var s1 = TL.Fma(c.Half, k1, q1);
        k0 = Jv(c.W00, c.W01, c.W10, c.W11, d.D10, d.D11, s0, s1, out k1);
        a0 = TL.Fma(c.Third, k0, a0);
        a1 = TL.Fma(c.Third, k1, a1);
        s0 = TL.Fma(c.Half, k0, q0);
        s1 = TL.Fma(c.Half, k1, q1);
        k0 = Jv(c.W00, c.W01, c.W10, c.W11, d.D20, d.D21, s0, s1, out k1);
        a0 = TL.Fma(c.Third, k0, a0);
        a1 = TL.Fma(c.Third, k1, a1);
        s0 = TL.Fma(c.Dt, k0, q0);
        s1 = TL.Fma(c.Dt, k1, q1);
        k0 = Jv(c.W00, c.W01, c.W10, c.W11, d.D30, d.D31, s0, s1, out k1);
        q0 = TL.Fma(c.Sixth, k0, a0);
        q1 = TL.Fma(c.Sixth, k1, a1);
    }
}
