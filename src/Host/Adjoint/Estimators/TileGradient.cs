using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// The discrete adjoint for one tile of members on the Simd path (see <see cref="SimdGradient"/>). Lanes never mix: a
/// lane that goes non-finite carries its NaNs to the end in its own lane and is reported, the others are untouched.
/// A null <paramref name="tableau"/> takes the unrolled classic RK4; otherwise the tableau's stage loop and its exact
/// reverse (TileGradient.Stages.cs). The hot methods are compiled optimised at once (AggressiveOptimization): each runs
/// for a whole tile, so under tiered compilation the first tiles would otherwise run them unoptimised or through OSR.
/// </summary>
internal readonly ref partial struct TileGradient<T, TField>(GradientPlan plan, EnsembleGradients result, TField field, GradientTile<T> w, int tile,
    SimdTableau<T>? tableau)
    where T : unmanaged, IFloatingPointIeee754<T>
    where TField : struct, ISimdAdjointField<T>
{
    private static readonly int Lanes = Vector<T>.Count;

    /// <summary>
    /// Whether states and cotangents below <see cref="TinyFlush{T}.Threshold"/> are set to 0 after each step (fields
    /// smooth at 0 only, as on the forward paths). Why: a contracting member's state decays forward in time and its
    /// cotangent ā decays backward from each loss term, each through the subnormal range, where Intel cores take a
    /// microcode assist per operation. The forward pass and the segment recompute flush alike, so the recomputed records
    /// equal the first pass's bit for bit. What it changes: a state or ā component already below 2⁻¹⁰⁰⁰ (float64;
    /// 2⁻¹⁰⁰ float32) becomes 0, so a gradient entry moves by at most that much times the O(1) Jacobian products that
    /// carry it back; a gradient that is itself that tiny (a loss looking only at a state that has decayed to 0) becomes
    /// exactly 0 where Reference, which never flushes, keeps a subnormal value (TinyFlushGradientTests).
    /// </summary>
    private static readonly bool FlushTiny = TinyFlush<T>.AppliesTo<TField>();

    /// <summary>Real members in this tile (the last tile's padding lanes repeat its last member and are ignored).</summary>
    private int Count => Math.Min(Lanes, plan.Members - tile * Lanes);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run()
    {
        int n = plan.N, c = plan.CheckpointInterval;
        Load(plan.Problem.InitialStates, w.X);
        var failed = Vector<T>.Zero;
        // The last segment is the first the backward pass needs: recorded now rather than recomputed.
        long last = (plan.Checkpoints - 1) * c;
        for (long t = 0; t < plan.Steps; t++)
        {
            if (t % c == 0)
                w.X.AsSpan().CopyTo(w.Checkpoints.AsSpan((int)(t / c * n), n));
            if (t >= last)
            {
                if (t + 1 < plan.Steps)
                    RecordPrefetch.Lines<T>(Record(t + 1 - last));
                Step(w.X, w.Next, Record(t - last), linearise: true);
            }
            else
                Step(w.X, w.Next, w.Work, linearise: false);
            Flush(w.Next.AsSpan(0, n));
            failed = Flag(failed, w.Next.AsSpan(0, n), GradientStatus.ForwardDiverged, t);
            (w.X, w.Next) = (w.Next, w.X);
        }
        Array.Clear(w.A);
        Array.Clear(w.Loss);
        Array.Clear(w.Cotangent);
        w.OuterCount = 0;
        int term = plan.LossTerms.Count - 1;
        AddLossAt(plan.Steps, w.X, failed, ref term);
        RecordNorm(plan.Steps, failed);
        for (long segment = plan.Checkpoints - 1; segment >= 0; segment--)
        {
            long first = segment * c, end = Math.Min(first + c, plan.Steps);
            w.Checkpoints.AsSpan((int)(segment * n), n).CopyTo(w.X);
            for (long t = first; t < end && segment < plan.Checkpoints - 1; t++)
            {
                Step(w.X, w.Next, Record(t - first), linearise: true);
                Flush(w.Next.AsSpan(0, n));
                (w.X, w.Next) = (w.Next, w.X);
            }
            for (long t = end - 1; t >= first; t--)
            {
                var record = Record(t - first);
                if (t > first)
                    RecordPrefetch.Lines<T>(Record(t - 1 - first));
                BackwardStep(record);
                Flush(w.A);
                AddLossAt(t, record[..n], failed, ref term);
                failed = Flag(failed, w.A, GradientStatus.GradientNonFinite, t);
                RecordNorm(t, failed);
            }
        }
        Finish(failed);
    }

    /// <summary>Sets the components below the flush threshold to 0 (<see cref="FlushTiny"/>); NaNs and infinities stay.</summary>
    private static void Flush(Span<Vector<T>> values)
    {
        if (!FlushTiny)
            return;
        for (int i = 0; i < values.Length; i++)
            values[i] = TinyFlush<T>.Apply(values[i]);
    }

    private Span<Vector<T>> Record(long step) => w.Records.AsSpan((int)(step * w.RecordLength), w.RecordLength);

    /// <summary>
    /// x → next by one RK4 step or map iteration; the record receives x, and per stage X_s, f(X_s) and (when
    /// <paramref name="linearise"/>) the linearisation at X_s.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step(ReadOnlySpan<Vector<T>> x, Span<Vector<T>> next, Span<Vector<T>> record, bool linearise)
    {
        int n = plan.N;
        x.CopyTo(record);
        if (plan.IsMap)
        {
            var stage = record.Slice(n, w.StageLength);
            x.CopyTo(stage);
            Evaluate(stage, linearise);
            stage.Slice(n, n).CopyTo(next);
            return;
        }
        if (tableau is not null)
        {
            TableauStep(tableau, x, next, record, linearise);
            return;
        }
        T dtT = T.CreateTruncating(plan.Dt);
        Vector<T> dt = new(dtT), half = new(dtT / T.CreateTruncating(2)), third = new(dtT / T.CreateTruncating(3)), sixth = new(dtT / T.CreateTruncating(6));
        var s0 = record.Slice(n, w.StageLength);
        var s1 = record.Slice(n + w.StageLength, w.StageLength);
        var s2 = record.Slice(n + 2 * w.StageLength, w.StageLength);
        var s3 = record.Slice(n + 3 * w.StageLength, w.StageLength);
        x.CopyTo(s0);
        Evaluate(s0, linearise);
        for (int i = 0; i < n; i++)
            s1[i] = SimdMath.Fma(half, s0[n + i], x[i]);
        Evaluate(s1, linearise);
        for (int i = 0; i < n; i++)
            s2[i] = SimdMath.Fma(half, s1[n + i], x[i]);
        Evaluate(s2, linearise);
        for (int i = 0; i < n; i++)
            s3[i] = SimdMath.Fma(dt, s2[n + i], x[i]);
        Evaluate(s3, linearise);
        for (int i = 0; i < n; i++)
        {
            var sum = SimdMath.Fma(sixth, s0[n + i], x[i]);
            sum = SimdMath.Fma(third, s1[n + i], sum);
            sum = SimdMath.Fma(third, s2[n + i], sum);
            next[i] = SimdMath.Fma(sixth, s3[n + i], sum);
        }
    }

    /// <summary>A stage [X, f(X), lin]: f at X, and its linearisation when the backward pass will need it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Evaluate(Span<Vector<T>> stage, bool linearise)
    {
        int n = plan.N;
        if (linearise)
            field.EvaluateLinearised(tile, stage[..n], stage.Slice(n, n), stage.Slice(2 * n, w.LinearisationLength), w.Scratch);
        else
            field.Evaluate(tile, stage[..n], stage.Slice(n, n), w.Scratch);
    }

    /// <summary>
    /// ā ← ∂L/∂x(t) from ā = ∂L/∂x(t+1). RK4: K̄_s = h b_s ā, then for s from last to first X̄_s = J(X_s)ᵀ K̄_s,
    /// x̄ += X̄_s, K̄_j += h a_sj X̄_s (classic RK4: only a_{s,s−1} ≠ 0), θ̄ += (∂f/∂θ(X_s))ᵀ K̄_s. Maps: x̄ = J(x)ᵀ ā.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackwardStep(ReadOnlySpan<Vector<T>> record)
    {
        int n = plan.N;
        var a = w.A.AsSpan();
        var bar = w.Bar.AsSpan();
        if (plan.IsMap)
        {
            VjpAt(record.Slice(n, w.StageLength), a, bar);
            bar.CopyTo(a);
            return;
        }
        if (tableau is not null)
        {
            TableauBackwardStep(tableau, record);
            return;
        }
        T dtT = T.CreateTruncating(plan.Dt);
        Vector<T> dt = new(dtT), half = new(dtT / T.CreateTruncating(2)), third = new(dtT / T.CreateTruncating(3)), sixth = new(dtT / T.CreateTruncating(6));
        var k0 = w.KBar.AsSpan(0, n);
        var k1 = w.KBar.AsSpan(n, n);
        var k2 = w.KBar.AsSpan(2 * n, n);
        var k3 = w.KBar.AsSpan(3 * n, n);
        for (int i = 0; i < n; i++)
        {
            k0[i] = sixth * a[i];
            k1[i] = third * a[i];
            k2[i] = third * a[i];
            k3[i] = sixth * a[i];
        }
        VjpAt(record.Slice(n + 3 * w.StageLength, w.StageLength), k3, bar);
        for (int i = 0; i < n; i++)
        {
            a[i] += bar[i];
            k2[i] = SimdMath.Fma(dt, bar[i], k2[i]);
        }
        VjpAt(record.Slice(n + 2 * w.StageLength, w.StageLength), k2, bar);
        for (int i = 0; i < n; i++)
        {
            a[i] += bar[i];
            k1[i] = SimdMath.Fma(half, bar[i], k1[i]);
        }
        VjpAt(record.Slice(n + w.StageLength, w.StageLength), k1, bar);
        for (int i = 0; i < n; i++)
        {
            a[i] += bar[i];
            k0[i] = SimdMath.Fma(half, bar[i], k0[i]);
        }
        VjpAt(record.Slice(n, w.StageLength), k0, bar);
        for (int i = 0; i < n; i++)
            a[i] += bar[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void VjpAt(ReadOnlySpan<Vector<T>> stage, ReadOnlySpan<Vector<T>> cotangent, Span<Vector<T>> xBar)
    {
        int n = plan.N, outer = w.OuterDimension;
        if (w.OuterCount == GradientTile<T>.OuterBatch)
            FlushOuter();
        var pair = w.Outer.AsSpan(w.OuterCount * 2 * outer, 2 * outer);
        field.Vjp(tile, stage[..n], stage.Slice(n, n), stage.Slice(2 * n, w.LinearisationLength), cotangent, xBar, w.Cotangent, pair, w.Scratch);
        if (outer > 0)
            w.OuterCount++;
    }

    /// <summary>W̄ += Σ u vᵀ over the pending pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushOuter()
    {
        if (w.OuterCount > 0)
            SimdMath.OuterBatchAdd<T>(w.Outer, w.OuterCount, w.OuterDimension, w.OuterPacked, GradientTile<T>.OuterBatch, w.Cotangent);
        w.OuterCount = 0;
    }

    /// <summary>
    /// ā(t) += ∂ℓ/∂x(t) for every loss term at step t, lane by lane on the host (any ILossFunction, users' too);
    /// failed lanes are skipped.
    /// </summary>
    private void AddLossAt(long t, ReadOnlySpan<Vector<T>> state, Vector<T> failed, ref int term)
    {
        if (term < 0 || plan.LossTerms[term].Step != t)
            return;
        int n = plan.N;
        for (int i = 0; i < n; i++)
            w.A[i].CopyTo(w.AdjointLanes, i * Lanes);
        while (term >= 0 && plan.LossTerms[term].Step == t)
        {
            var function = plan.LossTerms[term].Function;
            for (int l = 0; l < Count; l++)
            {
                if (failed[l] != T.Zero)
                    continue;
                for (int i = 0; i < n; i++)
                    w.LaneState[i] = double.CreateTruncating(state[i][l]);
                w.Loss[l] += function.Evaluate(tile * Lanes + l, w.LaneState, w.LossGradient);
                for (int i = 0; i < n; i++)
                    w.AdjointLanes[i * Lanes + l] += T.CreateTruncating(w.LossGradient[i]);
            }
            term--;
        }
        for (int i = 0; i < n; i++)
            w.A[i] = new Vector<T>(w.AdjointLanes, i * Lanes);
    }

    /// <summary>Flags real lanes whose <paramref name="values"/> just went non-finite; returns the updated failed mask.</summary>
    private Vector<T> Flag(Vector<T> failed, ReadOnlySpan<Vector<T>> values, GradientStatus status, long step)
    {
        var finite = Vector<T>.AllBitsSet;
        foreach (var v in values)
            finite &= SimdMath.FiniteMask(v);
        return Flag(failed, finite, status, step);
    }

    private Vector<T> Flag(Vector<T> failed, Vector<T> finite, GradientStatus status, long step)
    {
        var fresh = ~finite & ~failed;
        if (fresh != Vector<T>.Zero)
        {
            for (int l = 0; l < Count; l++)
            {
                if (fresh[l] != T.Zero)
                {
                    result.Status[tile * Lanes + l] = status;
                    result.FailedStep[tile * Lanes + l] = step;
                }
            }
        }
        return failed | ~finite;
    }

    private void RecordNorm(long t, Vector<T> failed)
    {
        if (plan.NormEvery is not { } every || t % every != 0)
            return;
        long frame = t / every;
        for (int l = 0; l < Count; l++)
        {
            if (failed[l] != T.Zero)
                continue;
            for (int i = 0; i < plan.N; i++)
                w.LaneState[i] = double.CreateTruncating(w.A[i][l]);
            result.AdjointNorms![frame * plan.Members + tile * Lanes + l] = AdjointNorm.Of(w.LaneState, plan.N);
        }
    }

    /// <summary>Loss, ∂L/∂x(0) and ∂L/∂θ per real lane; NaN for failed lanes and for lanes whose θ̄ overflowed.</summary>
    private void Finish(Vector<T> failed)
    {
        FlushOuter();
        var finite = Vector<T>.AllBitsSet;
        foreach (var v in w.Cotangent)
            finite &= SimdMath.FiniteMask(v);
        failed = Flag(failed, finite, GradientStatus.GradientNonFinite, 0);
        var parameters = result.Parameters;
        for (int l = 0; l < Count; l++)
        {
            int m = tile * Lanes + l;
            bool ok = failed[l] == T.Zero;
            result.Loss[m] = ok ? w.Loss[l] : double.NaN;
            for (int i = 0; i < plan.N; i++)
                result.InitialStates[(long)i * plan.Members + m] = ok ? double.CreateTruncating(w.A[i][l]) : double.NaN;
            int offset = 0;
            foreach (var block in parameters)
            {
                for (int p = 0; p < block.Length; p++)
                    block.Values[(long)p * plan.Members + m] = ok ? double.CreateTruncating(w.Cotangent[offset + p][l]) : double.NaN;
                offset += block.Length;
            }
        }
    }

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
