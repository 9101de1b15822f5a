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
    /// whole QR interval, where the general step passes every stage through spans and calls.
    /// </summary>
    private bool UsesPlanePath => planePath &&
        typeof(T) == typeof(double) && typeof(TField) == typeof(TanhOfLinearSimd<T>) && tableau is null && !isMap && n == 2 && k == 2;

    /// <summary>
    /// One QR interval of <see cref="Rk4Step"/> and <see cref="Advance"/> on the plane: the same operations in the same
    /// order (SmallMatVec's sums from 0, LaneTanh, the RK4 combinations, TryTrace's trace, the frozen-lane rules and the
    /// tiny-state flush), so each member gets the general path's bits (PlanePathTests).
    /// </summary>
    private void PlaneInterval(long interval, bool contraction)
    {
        var plane = Unsafe.As<TField, TanhOfLinearSimd<T>>(ref Unsafe.AsRef(in field));
        plane.PlaneWeights(tile, out var w00, out var w01, out var w10, out var w11);
        T dtT = T.CreateTruncating(plan.Dt);
        Vector<T> dt = new(dtT), half = new(dtT / T.CreateTruncating(2)), third = new(dtT / T.CreateTruncating(3)), sixth = new(dtT / T.CreateTruncating(6));
        var b16 = new Vector<double>(plan.Dt / 6);
        var b13 = new Vector<double>(plan.Dt / 3);
        Vector<T> x0 = w.X[0], x1 = w.X[1], q00 = w.Q[0], q10 = w.Q[1], q01 = w.Q[2], q11 = w.Q[3];
        var frozen = w.Frozen;
        var contractionLanes = w.ContractionLanes;
        for (int s = 0; s < plan.Every; s++)
        {
            // Stage 1 at x.
            var k0 = Slope(w00, w01, w10, w11, x0, x1, out var k1, out var d0, out var d1);
            if (contraction)
                contractionLanes += Trace(w00, w11, d0, d1, b16, frozen);
            var n0 = SimdMath.Fma(sixth, k0, x0);
            var n1 = SimdMath.Fma(sixth, k1, x1);
            var s0 = SimdMath.Fma(half, k0, x0);
            var s1 = SimdMath.Fma(half, k1, x1);
            var (l00, l01) = (d0, d1);
            // Stage 2.
            k0 = Slope(w00, w01, w10, w11, s0, s1, out k1, out d0, out d1);
            if (contraction)
                contractionLanes += Trace(w00, w11, d0, d1, b13, frozen);
            n0 = SimdMath.Fma(third, k0, n0);
            n1 = SimdMath.Fma(third, k1, n1);
            s0 = SimdMath.Fma(half, k0, x0);
            s1 = SimdMath.Fma(half, k1, x1);
            var (l10, l11) = (d0, d1);
            // Stage 3.
            k0 = Slope(w00, w01, w10, w11, s0, s1, out k1, out d0, out d1);
            if (contraction)
                contractionLanes += Trace(w00, w11, d0, d1, b13, frozen);
            n0 = SimdMath.Fma(third, k0, n0);
            n1 = SimdMath.Fma(third, k1, n1);
            s0 = SimdMath.Fma(dt, k0, x0);
            s1 = SimdMath.Fma(dt, k1, x1);
            var (l20, l21) = (d0, d1);
            // Stage 4.
            k0 = Slope(w00, w01, w10, w11, s0, s1, out k1, out d0, out d1);
            if (contraction)
                contractionLanes += Trace(w00, w11, d0, d1, b16, frozen);
            n0 = SimdMath.Fma(sixth, k0, n0);
            n1 = SimdMath.Fma(sixth, k1, n1);

            TangentStep(w00, w01, w10, w11, l00, l01, l10, l11, l20, l21, d0, d1, half, third, sixth, dt, ref q00, ref q10);
            TangentStep(w00, w01, w10, w11, l00, l01, l10, l11, l20, l21, d0, d1, half, third, sixth, dt, ref q01, ref q11);

            var finite = SimdMath.FiniteMask(n0) & SimdMath.FiniteMask(n1);
            frozen = Freeze(frozen, finite, interval * plan.Every + s);
            x0 = Vector.ConditionalSelect(frozen, x0, TinyFlush<T>.Apply(n0));
            x1 = Vector.ConditionalSelect(frozen, x1, TinyFlush<T>.Apply(n1));
        }
        w.X[0] = x0;
        w.X[1] = x1;
        w.Q[0] = q00;
        w.Q[1] = q10;
        w.Q[2] = q01;
        w.Q[3] = q11;
        w.Frozen = frozen;
        w.ContractionLanes = contractionLanes;
    }

    /// <summary>f(x) = tanh(W x) − x, with d = sech²(W x) for J = diag(d) W − I.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Slope(Vector<T> w00, Vector<T> w01, Vector<T> w10, Vector<T> w11, Vector<T> x0, Vector<T> x1,
        out Vector<T> f1, out Vector<T> d0, out Vector<T> d1)
    {
        var p0 = SimdMath.Fma(w01, x1, SimdMath.Fma(w00, x0, Vector<T>.Zero));
        var p1 = SimdMath.Fma(w11, x1, SimdMath.Fma(w10, x0, Vector<T>.Zero));
        var t0 = LaneTanh.Evaluate(p0.As<T, double>(), out var e0).As<double, T>();
        var t1 = LaneTanh.Evaluate(p1.As<T, double>(), out var e1).As<double, T>();
        d0 = e0.As<double, T>();
        d1 = e1.As<double, T>();
        f1 = t1 - x1;
        return t0 - x0;
    }

    /// <summary>The quadrature weight times tr J = (W₀₀ d₀ − 1) + (W₁₁ d₁ − 1), in the lanes not frozen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Trace(Vector<T> w00, Vector<T> w11, Vector<T> d0, Vector<T> d1, Vector<double> weight, Vector<T> frozen)
    {
        var trace = Vector<T>.Zero;
        trace += w00 * d0 - Vector<T>.One;
        trace += w11 * d1 - Vector<T>.One;
        return Vector.ConditionalSelect(frozen.As<T, double>(), Vector<double>.Zero, weight * trace.As<T, double>());
    }

    /// <summary>J v = d ⊙ (W v) − v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Jv(Vector<T> w00, Vector<T> w01, Vector<T> w10, Vector<T> w11, Vector<T> d0, Vector<T> d1,
        Vector<T> v0, Vector<T> v1, out Vector<T> jv1)
    {
        var u0 = SimdMath.Fma(w01, v1, SimdMath.Fma(w00, v0, Vector<T>.Zero));
        var u1 = SimdMath.Fma(w11, v1, SimdMath.Fma(w10, v0, Vector<T>.Zero));
        jv1 = d1 * u1 - v1;
        return d0 * u0 - v0;
    }

    /// <summary>One tangent column through the step's four stage linearisations, as <see cref="Rk4TangentStage"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TangentStep(Vector<T> w00, Vector<T> w01, Vector<T> w10, Vector<T> w11,
        Vector<T> l00, Vector<T> l01, Vector<T> l10, Vector<T> l11, Vector<T> l20, Vector<T> l21, Vector<T> l30, Vector<T> l31,
        Vector<T> half, Vector<T> third, Vector<T> sixth, Vector<T> dt, ref Vector<T> q0, ref Vector<T> q1)
    {
        var k0 = Jv(w00, w01, w10, w11, l00, l01, q0, q1, out var k1);
        var a0 = SimdMath.Fma(sixth, k0, q0);
        var a1 = SimdMath.Fma(sixth, k1, q1);
        var s0 = SimdMath.Fma(half, k0, q0);
        var s1 = SimdMath.Fma(half, k1, q1);
        k0 = Jv(w00, w01, w10, w11, l10, l11, s0, s1, out k1);
        a0 = SimdMath.Fma(third, k0, a0);
        a1 = SimdMath.Fma(third, k1, a1);
        s0 = SimdMath.Fma(half, k0, q0);
        s1 = SimdMath.Fma(half, k1, q1);
        k0 = Jv(w00, w01, w10, w11, l20, l21, s0, s1, out k1);
        a0 = SimdMath.Fma(third, k0, a0);
        a1 = SimdMath.Fma(third, k1, a1);
        s0 = SimdMath.Fma(dt, k0, q0);
        s1 = SimdMath.Fma(dt, k1, q1);
        k0 = Jv(w00, w01, w10, w11, l30, l31, s0, s1, out k1);
        q0 = SimdMath.Fma(sixth, k0, a0);
        q1 = SimdMath.Fma(sixth, k1, a1);
    }
}
