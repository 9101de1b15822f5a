using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>One RK4 stage of the joint (x, Q) step of <see cref="LyapunovFlowKernel"/>, for one member.</summary>
internal static class TangentRk4
{
    /// <summary>
    /// Stage <paramref name="stage"/> (0–3) at X_s (x for stage 0, else the stage buffer) and V_s (Q, else StageQ):
    /// linearise at X_s, Kx = f(X_s), per column KQ = J(X_s) V_s; then next ← (stage 0: x, Q; else next) + bDt·K and,
    /// before the last stage, the next stage input ← (x, Q) + aDt·K. Returns contractionDt · tr J(X_s) (0 when
    /// contractionDt is 0, skipping the work).
    /// </summary>
    public static double Stage<T, TModel>(TModel model, LyapunovState<T> s, int m, int stage, T aDt, T bDt, double contractionDt, int k)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        int n = model.Dimension;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var stageX = new SoaVector<T>(s.Stage, s.Members, m);
        var input = stage == 0 ? x : stageX;
        var slope = new SoaVector<T>(s.Slope, s.Members, m);
        var nextX = new SoaVector<T>(s.NextX, s.Members, m);
        var lin = new SoaVector<T>(s.Linearisation, s.Members, m);
        var scratch = new SoaVector<T>(s.Scratch, s.Members, m);
        var column = new SoaVector<T>(s.Column, s.Members, m);
        var q = new SoaFrame<T>(s.Q, s.Members, m, n);
        var stageQ = new SoaFrame<T>(s.StageQ, s.Members, m, n);
        var nextQ = new SoaFrame<T>(s.NextQ, s.Members, m, n);

        model.Linearise(m, input, lin);
        double rate = contractionDt != 0.0 ? contractionDt * model.Contraction(m, input, lin) : 0.0;
        model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, input, slope, scratch);
        for (int c = 0; c < k; c++)
        {
            var v = stage == 0 ? q.Column(c) : stageQ.Column(c);
            model.Jvp(m, input, lin, v, column);
            for (int i = 0; i < n; i++)
            {
                var kq = column[i];
                var start = stage == 0 ? q.Get(i, c) : nextQ.Get(i, c);
                nextQ.Set(i, c, start + bDt * kq);
                if (stage < 3)
                    stageQ.Set(i, c, q.Get(i, c) + aDt * kq);
            }
        }
        for (int i = 0; i < n; i++)
        {
            var kx = slope[i];
            var start = stage == 0 ? x[i] : nextX[i];
            nextX.Set(i, start + bDt * kx);
            if (stage < 3)
                stageX.Set(i, x[i] + aDt * kx);
        }
        return rate;
    }
}
