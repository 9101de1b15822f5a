using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;

namespace FastAttractors.Kernels.Adjoint;

/// <summary>One member's forward step and its discrete adjoint, shared by the forward and backward kernels.</summary>
internal static class AdjointSteps
{
    /// <summary>A view of slot <paramref name="slot"/> (n values per member) of a multi-vector buffer.</summary>
    public static SoaVector<T> Slot<T>(ILGPU.ArrayView<T> data, long slot, int n, int members, int m) where T : unmanaged =>
        SoaSlots.Of(data, slot, (long)n * members, members, m);

    /// <summary>
    /// next ← one step from x: a map iterate, or classic RK4 in ReferenceGradient's arithmetic order, keeping the stage
    /// states X₁..X₃ and slopes K₀..K₃ for the adjoint.
    /// </summary>
    public static void Forward<T, TModel, TX>(TModel model, AdjointState<T> s, AdjointCoefficients<T> c, int m, TX x)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T>
        where TX : struct, IVectorIn<T>
    {
        int n = model.Dimension, members = s.Members;
        var next = new SoaVector<T>(s.Next, members, m);
        var scratch = new SoaVector<T>(s.Scratch, members, m);
        if (c.Map != 0)
        {
            model.Evaluate<T, TX, SoaVector<T>, SoaVector<T>>(m, x, next, scratch);
            return;
        }
        if (c.Tableau != 0)
        {
            ForwardTableau(model, s, c.Terms, m, x);
            return;
        }
        var k0 = Slot(s.Slopes, 0, n, members, m);
        var k1 = Slot(s.Slopes, 1, n, members, m);
        var k2 = Slot(s.Slopes, 2, n, members, m);
        var k3 = Slot(s.Slopes, 3, n, members, m);
        var x1 = Slot(s.Stages, 0, n, members, m);
        var x2 = Slot(s.Stages, 1, n, members, m);
        var x3 = Slot(s.Stages, 2, n, members, m);
        model.Evaluate<T, TX, SoaVector<T>, SoaVector<T>>(m, x, k0, scratch);
        for (int i = 0; i < n; i++)
            x1.Set(i, x[i] + c.HalfDt * k0[i]);
        model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x1, k1, scratch);
        for (int i = 0; i < n; i++)
            x2.Set(i, x[i] + c.HalfDt * k1[i]);
        model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x2, k2, scratch);
        for (int i = 0; i < n; i++)
            x3.Set(i, x[i] + c.Dt * k2[i]);
        model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x3, k3, scratch);
        for (int i = 0; i < n; i++)
        {
            var sum = c.B0 * k0[i];
            sum += c.B1 * k1[i];
            sum += c.B2 * k2[i];
            sum += c.B3 * k3[i];
            next.Set(i, x[i] + c.Dt * sum);
        }
    }

    /// <summary>
    /// ā ← ∂L/∂x(t) from ā = ∂L/∂x(t+1) at the state x(t), θ̄ accumulated. Maps: θ̄ += (∂F/∂θ)ᵀ ā, ā ← J(x)ᵀ ā. RK4:
    /// recompute the stages, K̄_s = h b_s ā, then for s from 3 to 0: X̄ = J(X_s)ᵀ K̄_s, θ̄ += (∂f/∂θ(X_s))ᵀ K̄_s,
    /// ā += X̄, K̄_{s−1} += h a_{s,s−1} X̄.
    /// </summary>
    public static void Backward<T, TModel, TX>(TModel model, AdjointState<T> s, AdjointCoefficients<T> c, int m, TX x)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T>
        where TX : struct, IVectorIn<T>
    {
        int n = model.Dimension, members = s.Members;
        var a = new SoaVector<T>(s.Adjoint, members, m);
        var bar = new SoaVector<T>(s.Bar, members, m);
        var work = new SoaVector<T>(s.Work, members, m);
        var theta = new SoaVector<double>(s.ParameterBar, members, m);
        if (c.Map != 0)
        {
            model.AddParameterCotangent(m, x, a, theta, work);
            model.Vjp(m, x, a, bar, work);
            for (int i = 0; i < n; i++)
                a.Set(i, bar[i]);
            return;
        }
        Forward(model, s, c, m, x);
        if (c.Tableau != 0)
        {
            BackwardTableau(model, s, c.Terms, m, x, a, bar, work, theta);
            return;
        }
        var kb0 = Slot(s.StageBars, 0, n, members, m);
        var kb1 = Slot(s.StageBars, 1, n, members, m);
        var kb2 = Slot(s.StageBars, 2, n, members, m);
        var kb3 = Slot(s.StageBars, 3, n, members, m);
        for (int i = 0; i < n; i++)
        {
            var ai = a[i];
            kb0.Set(i, c.HB0 * ai);
            kb1.Set(i, c.HB1 * ai);
            kb2.Set(i, c.HB2 * ai);
            kb3.Set(i, c.HB3 * ai);
        }
        StageBackward(model, s, m, Slot(s.Stages, 2, n, members, m), kb3, kb2, c.HA3, a, bar, work, theta, 1);
        StageBackward(model, s, m, Slot(s.Stages, 1, n, members, m), kb2, kb1, c.HA2, a, bar, work, theta, 1);
        StageBackward(model, s, m, Slot(s.Stages, 0, n, members, m), kb1, kb0, c.HA1, a, bar, work, theta, 1);
        StageBackward(model, s, m, x, kb0, kb0, c.HA1, a, bar, work, theta, 0);
    }

    private static void StageBackward<T, TModel, TX>(TModel model, AdjointState<T> s, int m, TX stage, SoaVector<T> kBar,
        SoaVector<T> previousBar, T ha, SoaVector<T> a, SoaVector<T> bar, SoaVector<T> work, SoaVector<double> theta, int hasPrevious)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T>
        where TX : struct, IVectorIn<T>
    {
        int n = model.Dimension;
        model.Vjp(m, stage, kBar, bar, work);
        model.AddParameterCotangent(m, stage, kBar, theta, work);
        for (int i = 0; i < n; i++)
        {
            var b = bar[i];
            a.Set(i, a[i] + b);
            if (hasPrevious != 0)
                previousBar.Set(i, previousBar[i] + ha * b);
        }
    }

    /// <summary>
    /// Any explicit method from its terms, as <see cref="RkKernel"/> steps it (its Combine, same slope layout): X_s = x + Σ (h a_sj) K_j (slot s of the stage
    /// buffer; a stage without terms is x itself), K_s = f(X_s), next = x + Σ (h b_s) K_s.
    /// </summary>
    private static void ForwardTableau<T, TModel, TX>(TModel model, AdjointState<T> s, RkTerms<T> terms, int m, TX x)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T>
        where TX : struct, IVectorIn<T>
    {
        int n = model.Dimension, members = s.Members;
        long slopeStride = (long)n * members;
        var scratch = new SoaVector<T>(s.Scratch, members, m);
        for (int st = 0; st < terms.Stages; st++)
        {
            var k = Slot(s.Slopes, st, n, members, m);
            int from = terms.Starts[st], to = terms.Starts[st + 1];
            if (from == to)
            {
                model.Evaluate<T, TX, SoaVector<T>, SoaVector<T>>(m, x, k, scratch);
                continue;
            }
            var stage = Slot(s.Stages, st, n, members, m);
            RkKernel.Combine(x, s.Slopes, slopeStride, members, m, n, terms, from, to, stage);
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, stage, k, scratch);
        }
        RkKernel.Combine(x, s.Slopes, slopeStride, members, m, n, terms, terms.Starts[terms.Stages], terms.Starts[terms.Stages + 1],
            new SoaVector<T>(s.Next, members, m));
    }

    /// <summary>
    /// The discrete adjoint of <see cref="ForwardTableau"/>, stages recomputed by it: K̄_j = Σ (h b_s) ā over the step's
    /// terms, then for s from last to first: X̄ = J(X_s)ᵀ K̄_s, θ̄ += (∂f/∂θ(X_s))ᵀ K̄_s, ā += X̄ and K̄_j += (h a_sj) X̄
    /// over the stage's terms (each j &lt; s, so K̄_s is complete when stage s is reached).
    /// </summary>
    private static void BackwardTableau<T, TModel, TX>(TModel model, AdjointState<T> s, RkTerms<T> terms, int m, TX x,
        SoaVector<T> a, SoaVector<T> bar, SoaVector<T> work, SoaVector<double> theta)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T>
        where TX : struct, IVectorIn<T>
    {
        int n = model.Dimension, members = s.Members;
        for (int st = 0; st < terms.Stages; st++)
        {
            var kb = Slot(s.StageBars, st, n, members, m);
            for (int i = 0; i < n; i++)
                kb.Set(i, T.FromDouble(0.0));
        }
        for (int t = terms.Starts[terms.Stages]; t < terms.Starts[terms.Stages + 1]; t++)
        {
            var kb = Slot(s.StageBars, terms.Slopes[t], n, members, m);
            for (int i = 0; i < n; i++)
                kb.Set(i, kb[i] + terms.Weights[t] * a[i]);
        }
        for (int st = terms.Stages - 1; st >= 0; st--)
        {
            var kb = Slot(s.StageBars, st, n, members, m);
            int from = terms.Starts[st], to = terms.Starts[st + 1];
            if (from == to)
            {
                model.Vjp(m, x, kb, bar, work);
                model.AddParameterCotangent(m, x, kb, theta, work);
            }
            else
            {
                var stage = Slot(s.Stages, st, n, members, m);
                model.Vjp(m, stage, kb, bar, work);
                model.AddParameterCotangent(m, stage, kb, theta, work);
            }
            for (int i = 0; i < n; i++)
                a.Set(i, a[i] + bar[i]);
            for (int t = from; t < to; t++)
            {
                var target = Slot(s.StageBars, terms.Slopes[t], n, members, m);
                for (int i = 0; i < n; i++)
                    target.Set(i, target[i] + terms.Weights[t] * bar[i]);
            }
        }
    }
}
