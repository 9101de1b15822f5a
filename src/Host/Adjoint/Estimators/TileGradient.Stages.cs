using System.Numerics;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;

namespace FastAttractors.Adjoint.Estimators;

internal readonly ref partial struct TileGradient<T, TField>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TField : struct, ISimdAdjointField<T>
{
    /// <summary>
    /// Any explicit tableau: X_s = x + Σ_j h a_sj K_j with K_s = f(X_s) kept in stage s of the record, then
    /// x' = x + Σ_s h b_s K_s. FMAs in the unrolled RK4's order with its weights, so RK4's tableau gives its bits.
    /// </summary>
    private void TableauStep(SimdTableau<T> tableau, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> next, Span<Vector<T>> record, bool linearise)
    {
        for (int s = 0; s < tableau.Stages; s++)
        {
            var stage = StageOf(record, s);
            var terms = tableau.StageTerms[s];
            if (terms.Length == 0)
                x.CopyTo(stage);
            else
                Combine(x, terms, record, stage);
            Evaluate(stage, linearise);
        }
        Combine(x, tableau.StepTerms, record, next);
    }

    /// <summary>
    /// The exact reverse of <see cref="TableauStep"/>, as <see cref="ReferenceGradient"/> takes it: K̄_s = h b_s ā for
    /// every stage, then for s from last to first X̄_s = J(X_s)ᵀ K̄_s (θ̄ gains (∂f/∂θ)ᵀ K̄_s), x̄ += X̄_s and
    /// K̄_j += h a_sj X̄_s for each nonzero a_sj; finally ā ← ā + Σ X̄_s. A stage's K̄ is complete before its VJP because
    /// only later stages feed it.
    /// </summary>
    private void TableauBackwardStep(SimdTableau<T> tableau, ReadOnlySpan<Vector<T>> record)
    {
        int n = plan.N;
        var a = w.A.AsSpan();
        var bar = w.Bar.AsSpan();
        for (int s = 0; s < tableau.Stages; s++)
        {
            var kBar = w.KBar.AsSpan(s * n, n);
            var weight = tableau.StepWeights[s];
            for (int i = 0; i < n; i++)
                kBar[i] = weight * a[i];
        }
        for (int s = tableau.Stages - 1; s >= 0; s--)
        {
            VjpAt(StageOf(record, s), w.KBar.AsSpan(s * n, n), bar);
            for (int i = 0; i < n; i++)
                a[i] += bar[i];
            foreach (var term in tableau.StageTerms[s])
            {
                var kBar = w.KBar.AsSpan(term.Slope * n, n);
                for (int i = 0; i < n; i++)
                    kBar[i] = SimdMath.Fma(term.Weight, bar[i], kBar[i]);
            }
        }
    }

    /// <summary>Stage s of a step record: [X_s, f(X_s), linearisation].</summary>
    private Span<Vector<T>> StageOf(Span<Vector<T>> record, int s) => record.Slice(plan.N + s * w.StageLength, w.StageLength);

    private ReadOnlySpan<Vector<T>> StageOf(ReadOnlySpan<Vector<T>> record, int s) => record.Slice(plan.N + s * w.StageLength, w.StageLength);

    /// <summary>target = x + Σ h·w · f(X_j) over the terms, one FMA per term in order (the record's slopes as stored).</summary>
    private void Combine(ReadOnlySpan<Vector<T>> x, SimdTableau<T>.Term[] terms, ReadOnlySpan<Vector<T>> record, Span<Vector<T>> target)
    {
        int n = plan.N;
        var first = StageOf(record, terms[0].Slope).Slice(n, n);
        var w0 = terms[0].Weight;
        for (int i = 0; i < n; i++)
            target[i] = SimdMath.Fma(w0, first[i], x[i]);
        for (int t = 1; t < terms.Length; t++)
        {
            var k = StageOf(record, terms[t].Slope).Slice(n, n);
            var wt = terms[t].Weight;
            for (int i = 0; i < n; i++)
                target[i] = SimdMath.Fma(wt, k[i], target[i]);
        }
    }
}
