using System.Numerics;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The Benettin loop for one tile of members on the Simd path (see <see cref="SimdLyapunov"/>). A null
/// <paramref name="tableau"/> takes the unrolled classic RK4; otherwise the tableau's stage loop (TileRun.Stages.cs).
/// </summary>
internal readonly ref partial struct TileRun<T, TField>(LyapunovPlan plan, SpectrumAccumulators acc, TField field, LyapunovTile<T> w, int tile,
    SimdTableau<T>? tableau)
    where T : unmanaged, IFloatingPointIeee754<T>
    where TField : struct, ISimdTangentField<T>
{
    private static readonly int Lanes = Vector<T>.Count;

    /// <summary>Real members in this tile (the last tile's padding lanes repeat its last member and are ignored).</summary>
    private int Count => Math.Min(Lanes, plan.Members - tile * Lanes);

    public void Run(double[] q0)
    {
        int n = plan.N, k = plan.K;
        Load(plan.Problem.InitialStates, w.X);
        for (int p = 0; p < n * k; p++)
            w.Q[p] = new Vector<T>(T.CreateTruncating(q0[p]));
        var frozen = Vector<T>.Zero;
        var hasContraction = plan.FullSpectrum;
        for (long interval = 0; interval < plan.TotalIntervals; interval++)
        {
            bool accumulating = interval >= plan.TransientIntervals;
            for (int s = 0; s < plan.Every; s++)
            {
                long step = interval * plan.Every + s;
                if (plan.IsMap)
                    MapStep(accumulating && hasContraction, frozen);
                else if (tableau is null)
                    Rk4Step(accumulating && hasContraction, frozen);
                else
                    TableauStep(tableau, accumulating && hasContraction, frozen);
                var finite = Vector<T>.AllBitsSet;
                for (int i = 0; i < n; i++)
                    finite &= SimdMath.FiniteMask(w.Next[i]);
                frozen = Freeze(frozen, finite, step);
                for (int i = 0; i < n; i++)
                    w.X[i] = Vector.ConditionalSelect(frozen, w.X[i], w.Next[i]);
            }
            Orthonormalise();
            var finiteR = Vector<T>.AllBitsSet;
            for (int i = 0; i < k; i++)
                finiteR &= SimdMath.FiniteMask(w.R[i]) & ~Vector.Equals(w.R[i], Vector<T>.Zero);
            frozen = Freeze(frozen, finiteR, (interval + 1) * plan.Every - 1);
            if (accumulating)
                Accumulate(interval - plan.TransientIntervals, frozen);
        }
    }

    /// <summary>Flags lanes that just went non-finite (their step recorded once); frozen lanes stay frozen.</summary>
    private Vector<T> Freeze(Vector<T> frozen, Vector<T> finite, long step)
    {
        var failed = ~finite & ~frozen;
        if (failed != Vector<T>.Zero)
        {
            for (int l = 0; l < Count; l++)
            {
                if (failed[l] != T.Zero)
                    acc.MarkDiverged(tile * Lanes + l, step);
            }
        }
        return frozen | ~finite;
    }

    private void Accumulate(long accumulateInterval, Vector<T> frozen)
    {
        int block = plan.BlockOf(accumulateInterval);
        for (int l = 0; l < Count; l++)
        {
            if (frozen[l] != T.Zero)
                continue;
            var row = acc.BlockRow(tile * Lanes + l, block);
            for (int i = 0; i < plan.K; i++)
                row[i] += Math.Log(double.CreateTruncating(w.R[i][l]));
        }
    }

    /// <summary>x ← F(x) into Next, Q ← J(x) Q; the contraction log |det J(x)| at the pre-image.</summary>
    private void MapStep(bool contraction, Vector<T> frozen)
    {
        var lin = w.Linearisation[0];
        field.EvaluateLinearised(tile, w.X, w.Next, lin, w.Scratch);
        if (contraction)
            AddContraction(w.X, lin, 1.0, frozen);
        int n = plan.N, k = plan.K;
        for (int first = 0; first < k; first += LyapunovTile<T>.ColumnBlock)
        {
            int columns = Math.Min(LyapunovTile<T>.ColumnBlock, k - first);
            var q = w.Q.AsSpan(first * n, columns * n);
            var jq = w.BlockSlope.AsSpan(0, columns * n);
            field.Jvp(tile, lin, q, jq, columns, w.BlockScratch);
            jq.CopyTo(q);
        }
    }

    /// <summary>
    /// Classic RK4 for the state into Next, keeping the linearisation at each stage state, then the same stages for
    /// every tangent column block: K_s = J(X_s)(Q + dt Σ a_sj K_j), Q ← Q + dt Σ b_s K_s.
    /// </summary>
    private void Rk4Step(bool contraction, Vector<T> frozen)
    {
        int n = plan.N, k = plan.K;
        T dtT = T.CreateTruncating(plan.Dt);
        Vector<T> dt = new(dtT), half = new(dtT / T.CreateTruncating(2)), third = new(dtT / T.CreateTruncating(3)), sixth = new(dtT / T.CreateTruncating(6));
        var x = w.X.AsSpan();
        var slope = w.Slope.AsSpan();
        var stage = w.Stage.AsSpan();
        var next = w.Next.AsSpan();
        double b16 = plan.Dt / 6, b13 = plan.Dt / 3;

        field.EvaluateLinearised(tile, x, slope, w.Linearisation[0], w.Scratch);
        if (contraction)
            AddContraction(w.X, w.Linearisation[0], b16, frozen);
        for (int i = 0; i < n; i++)
        {
            next[i] = SimdMath.Fma(sixth, slope[i], x[i]);
            stage[i] = SimdMath.Fma(half, slope[i], x[i]);
        }
        field.EvaluateLinearised(tile, stage, slope, w.Linearisation[1], w.Scratch);
        if (contraction)
            AddContraction(w.Stage, w.Linearisation[1], b13, frozen);
        for (int i = 0; i < n; i++)
        {
            next[i] = SimdMath.Fma(third, slope[i], next[i]);
            stage[i] = SimdMath.Fma(half, slope[i], x[i]);
        }
        field.EvaluateLinearised(tile, stage, slope, w.Linearisation[2], w.Scratch);
        if (contraction)
            AddContraction(w.Stage, w.Linearisation[2], b13, frozen);
        for (int i = 0; i < n; i++)
        {
            next[i] = SimdMath.Fma(third, slope[i], next[i]);
            stage[i] = SimdMath.Fma(dt, slope[i], x[i]);
        }
        field.EvaluateLinearised(tile, stage, slope, w.Linearisation[3], w.Scratch);
        if (contraction)
            AddContraction(w.Stage, w.Linearisation[3], b16, frozen);
        for (int i = 0; i < n; i++)
            next[i] = SimdMath.Fma(sixth, slope[i], next[i]);

        for (int first = 0; first < k; first += LyapunovTile<T>.ColumnBlock)
        {
            int columns = Math.Min(LyapunovTile<T>.ColumnBlock, k - first);
            int size = columns * n;
            var q = w.Q.AsSpan(first * n, size);
            var a = w.BlockAcc.AsSpan(0, size);
            var st = w.BlockStage.AsSpan(0, size);
            var kq = w.BlockSlope.AsSpan(0, size);
            field.Jvp(tile, w.Linearisation[0], q, kq, columns, w.BlockScratch);
            for (int p = 0; p < size; p++)
            {
                a[p] = SimdMath.Fma(sixth, kq[p], q[p]);
                st[p] = SimdMath.Fma(half, kq[p], q[p]);
            }
            field.Jvp(tile, w.Linearisation[1], st, kq, columns, w.BlockScratch);
            for (int p = 0; p < size; p++)
            {
                a[p] = SimdMath.Fma(third, kq[p], a[p]);
                st[p] = SimdMath.Fma(half, kq[p], q[p]);
            }
            field.Jvp(tile, w.Linearisation[2], st, kq, columns, w.BlockScratch);
            for (int p = 0; p < size; p++)
            {
                a[p] = SimdMath.Fma(third, kq[p], a[p]);
                st[p] = SimdMath.Fma(dt, kq[p], q[p]);
            }
            field.Jvp(tile, w.Linearisation[3], st, kq, columns, w.BlockScratch);
            for (int p = 0; p < size; p++)
                q[p] = SimdMath.Fma(sixth, kq[p], a[p]);
        }
    }

    /// <summary>
    /// The sum rule's integrand: a flow's tr J from the tile linearisation where the field offers it (O(n) per tile),
    /// else the reference field's in float64, lane by lane (maps' log |det J|, user models): O(n) to O(n²) per member
    /// against the O(n² k) tangent work.
    /// </summary>
    private void AddContraction(ReadOnlySpan<Vector<T>> state, ReadOnlySpan<Vector<T>> lin, double weight, Vector<T> frozen)
    {
        if (!plan.IsMap && field.TryTrace(tile, lin, out var trace))
        {
            for (int l = 0; l < Count; l++)
            {
                if (frozen[l] == T.Zero)
                    acc.ContractionIntegral[tile * Lanes + l] += weight * double.CreateTruncating(trace[l]);
            }
            return;
        }
        for (int l = 0; l < Count; l++)
        {
            if (frozen[l] != T.Zero)
                continue;
            for (int i = 0; i < plan.N; i++)
                w.LaneState[i] = double.CreateTruncating(state[i][l]);
            int m = tile * Lanes + l;
            acc.ContractionIntegral[m] += weight * w.ReferenceField.Contraction(m, w.LaneState);
        }
    }

    private void Orthonormalise() => LaneGramSchmidt.Factor<T>(w.Q, plan.N, plan.K, w.R);

    private void Load(double[] soa, Vector<T>[] target)
    {
        Span<T> lanes = stackalloc T[Lanes];
        for (int i = 0; i < plan.N; i++)
        {
            for (int l = 0; l < Lanes; l++)
                lanes[l] = T.CreateTruncating(soa[(long)i * plan.Members + Math.Min(tile * Lanes + l, plan.Members - 1)]);
            target[i] = new Vector<T>(lanes);
        }
    }
}
