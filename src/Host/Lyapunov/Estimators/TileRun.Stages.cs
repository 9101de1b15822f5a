using System.Numerics;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;

namespace FastAttractors.Lyapunov.Estimators;

internal readonly partial struct TileRun<T, TField>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TField : struct, ISimdTangentField<T>
{
    /// <summary>
    /// Any explicit tableau, as the exact linearisation of its step (as <see cref="ReferenceLyapunov"/>): the state's
    /// stages X_s = x + Σ_j h a_sj K_j into Next keeping the linearisation at each X_s, then for every tangent column
    /// block V_s = Q + Σ_j h a_sj KQ_j, KQ_s = J(X_s) V_s, Q ← Q + Σ_s h b_s KQ_s. The sum rule's ∫ tr J takes the
    /// step's own quadrature Σ h b_s tr J(X_s). Combines run the FMAs in the unrolled RK4's order with its weights, so
    /// on RK4's tableau this gives the unrolled step's bits.
    /// </summary>
    private void TableauStep(SimdTableau<T> tableau, bool contraction, Vector<T> frozen)
    {
        var x = w.X.AsSpan();
        var stage = w.Stage.AsSpan();
        for (int s = 0; s < tableau.Stages; s++)
        {
            var at = SimdRkStep.StageInput(x, tableau.StageTerms[s], w.Slopes, stage);
            field.EvaluateLinearised(tile, at, w.Slopes[s], w.Linearisation[s], w.Scratch);
            if (contraction && tableau.Quadrature[s] != 0)
                AddContraction(at, w.Linearisation[s], tableau.Quadrature[s], frozen);
        }
        SimdRkStep.Combine<T>(x, tableau.StepTerms, w.Slopes, w.Next);

        for (int first = 0; first < k; first += LyapunovTile<T>.ColumnBlock)
        {
            int columns = Math.Min(LyapunovTile<T>.ColumnBlock, k - first);
            int size = columns * n;
            var q = w.Q.AsSpan(first * n, size);
            var st = w.BlockStage.AsSpan(0, size);
            for (int s = 0; s < tableau.Stages; s++)
            {
                var input = SimdRkStep.StageInput(q, tableau.StageTerms[s], w.BlockSlopes, st);
                field.Jvp(tile, w.Linearisation[s], input, w.BlockSlopes[s].AsSpan(0, size), columns, w.BlockScratch);
            }
            // Into the block accumulator first: q is the base of every term, so it must not change while summed.
            var a = w.BlockAcc.AsSpan(0, size);
            SimdRkStep.Combine<T>(q, tableau.StepTerms, w.BlockSlopes, a);
            a.CopyTo(q);
        }
    }
}
