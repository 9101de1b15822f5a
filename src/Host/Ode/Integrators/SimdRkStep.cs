using System.Numerics;
using FastAttractors.Simd;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// One explicit Runge–Kutta step of a tile, read from the tableau: X_s = x + Σ_j (h a_sj) K_j, K_s = f(X_s), then
/// x' = x + Σ_s (h b_s) K_s into <see cref="TileWork{T}.Acc"/>. Terms are added in ascending j by FMA, starting
/// from x — the order of the unrolled RK4 — so for RK4's tableau both paths give the same bits.
/// </summary>
internal static class SimdRkStep
{
    public static void Step<T, TField>(TField field, int tile, TileWork<T> w, SimdTableau<T> tableau)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TField : struct, ISimdField<T>
    {
        var x = w.X.AsSpan();
        for (int s = 0; s < tableau.Stages; s++)
            field.Evaluate(tile, StageInput(x, tableau.StageTerms[s], w.Slopes, w.Stage), w.Slopes[s], w.Scratch);
        Combine(x, tableau.StepTerms, w.Slopes, w.Acc);
    }

    /// <summary>
    /// Where a stage is evaluated: at x itself when it has no terms (the first stage, always), else at x + Σ weight ·
    /// slope combined into <paramref name="stage"/>.
    /// </summary>
    internal static Span<Vector<T>> StageInput<T>(Span<Vector<T>> x, SimdTableau<T>.Term[] terms, Vector<T>[][] slopes, Span<Vector<T>> stage)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (terms.Length == 0)
            return x;
        Combine<T>(x, terms, slopes, stage);
        return stage;
    }

    /// <summary>
    /// target = x + Σ weight · slope, one FMA per term, terms in order; over x.Length entries, so slopes may be longer
    /// (the Lyapunov tangent blocks reuse this for their column blocks).
    /// </summary>
    internal static void Combine<T>(ReadOnlySpan<Vector<T>> x, SimdTableau<T>.Term[] terms, Vector<T>[][] slopes, Span<Vector<T>> target)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var first = slopes[terms[0].Slope];
        var w0 = terms[0].Weight;
        for (int i = 0; i < x.Length; i++)
            target[i] = SimdMath.Fma(w0, first[i], x[i]);
        for (int t = 1; t < terms.Length; t++)
        {
            var k = slopes[terms[t].Slope];
            var wt = terms[t].Weight;
            for (int i = 0; i < x.Length; i++)
                target[i] = SimdMath.Fma(wt, k[i], target[i]);
        }
    }
}
