using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// Benettin QR for flows under any explicit Runge–Kutta method, read from <see cref="RkTerms{T}"/>, thread per member:
/// the exact linearisation of the method's step, as the reference. First the state's stages X_s = x + Σ_j h a_sj K_j,
/// K_s = f(X_s), keeping X_s and the linearisation at each; then each tangent column q through the same stages,
/// V_s = q + Σ_j h a_sj KQ_j, KQ_s = J(X_s) V_s, q' = q + Σ_s h b_s KQ_s. The contraction integral takes the step's
/// own quadrature Σ h b_s tr J(X_s) in float64 (the quadrature parameter: h·b_s per stage, stages with b = 0
/// skipped). After every interval of <see cref="LyapunovSchedule.Every"/> steps a thin QR by MGS2 whose log R_ii go
/// into the member's block sums; a member whose x or Q goes non-finite is flagged with its global step and not
/// stepped again (<see cref="LyapunovSteps"/>, shared with <see cref="LyapunovMapKernel"/>).
/// </summary>
/// <remarks>
/// Work layout (member fastest): Stage, Slope and StageQ hold Stages × n values per member (X_s, K_s and the current
/// column's KQ_s at (s·n + i)·Members + m), Linearisation Stages × LinearisationLength, Column the stage input V_s.
/// Every combine is <see cref="RkKernel.Combine"/>, as in the integration and adjoint kernels. Classic RK4 runs here
/// too: an unrolled RK4 twin was removed once ptxas showed this kernel no worse (fewer PTX instructions, no spills,
/// registers within the same allocation step; docs/explanations/backend-design.md).
/// </remarks>
public static class LyapunovRkKernel
{
    /// <summary>
    /// Kernel entry: runs member <paramref name="member"/> through the QR intervals of <paramref name="range"/> under
    /// the RK method <paramref name="tableau"/>; <paramref name="quadrature"/> holds h·b_s per stage for the
    /// contraction integral.
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, LyapunovState<T> s, RkTerms<T> tableau, ArrayView<double> quadrature,
        LyapunovSchedule schedule, IntervalRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != MemberStatusCode.Ok)
            return;
        LyapunovSteps.RunIntervals(m, model.Dimension, s, schedule, range, new TableauStep<T, TModel>(model, tableau, quadrature));
    }

    /// <summary>One step of the method: the state's stages, then each tangent column through them.</summary>
    private readonly struct TableauStep<T, TModel>(TModel model, RkTerms<T> tableau, ArrayView<double> quadrature) : ITangentStep<T>
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        public double Step(LyapunovState<T> s, int m, int k, bool integrate, double contraction)
        {
            contraction = StateStages(model, s, m, tableau, quadrature, integrate, contraction);
            var q = new SoaFrame<T>(s.Q, s.Members, m, model.Dimension);
            var nextQ = new SoaFrame<T>(s.NextQ, s.Members, m, model.Dimension);
            for (int c = 0; c < k; c++)
                TangentStages(model, s, m, tableau, q.Column(c), nextQ.Column(c));
            return contraction;
        }
    }

    /// <summary>
    /// X_s, its linearisation and K_s for every stage, then next x; returns <paramref name="contraction"/> plus, when
    /// integrating, each h b_s tr J(X_s) added one at a time in stage order.
    /// </summary>
    private static double StateStages<T, TModel>(TModel model, LyapunovState<T> s, int m, RkTerms<T> tableau, ArrayView<double> quadrature,
        bool integrate, double contraction)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        int n = model.Dimension;
        long vector = (long)n * s.Members;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var scratch = new SoaVector<T>(s.Scratch, s.Members, m);
        for (int st = 0; st < tableau.Stages; st++)
        {
            // A stage with no terms (the first, always) is taken at x itself.
            var input = x;
            int from = tableau.Starts[st], to = tableau.Starts[st + 1];
            if (from != to)
            {
                input = SoaSlots.Of(s.Stage, st, vector, s.Members, m);
                RkKernel.Combine(x, s.Slope, vector, s.Members, m, n, tableau, from, to, input);
            }
            var lin = Linearisation(model, s, m, st);
            model.Linearise(m, input, lin);
            if (integrate && quadrature[st] != 0.0)
                contraction += quadrature[st] * model.Contraction(m, input, lin);
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, input, SoaSlots.Of(s.Slope, st, vector, s.Members, m), scratch);
        }
        RkKernel.Combine(x, s.Slope, vector, s.Members, m, n, tableau, tableau.Starts[tableau.Stages], tableau.Starts[tableau.Stages + 1],
            new SoaVector<T>(s.NextX, s.Members, m));
        return contraction;
    }

    /// <summary>One tangent column through the stages: KQ_s = J(X_s) V_s into StageQ, then next ← q + Σ h b_s KQ_s.</summary>
    private static void TangentStages<T, TModel>(TModel model, LyapunovState<T> s, int m, RkTerms<T> tableau, SoaVector<T> q, SoaVector<T> next)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        int n = model.Dimension;
        long vector = (long)n * s.Members;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var v = new SoaVector<T>(s.Column, s.Members, m);
        for (int st = 0; st < tableau.Stages; st++)
        {
            int from = tableau.Starts[st], to = tableau.Starts[st + 1];
            var kq = SoaSlots.Of(s.StageQ, st, vector, s.Members, m);
            var lin = Linearisation(model, s, m, st);
            if (from == to)
            {
                model.Jvp(m, x, lin, q, kq);
                continue;
            }
            RkKernel.Combine(q, s.StageQ, vector, s.Members, m, n, tableau, from, to, v);
            model.Jvp(m, SoaSlots.Of(s.Stage, st, vector, s.Members, m), lin, v, kq);
        }
        RkKernel.Combine(q, s.StageQ, vector, s.Members, m, n, tableau, tableau.Starts[tableau.Stages], tableau.Starts[tableau.Stages + 1], next);
    }

    /// <summary>Stage <paramref name="stage"/>'s linearisation (the whole buffer when a model keeps none: a view cannot be empty).</summary>
    private static SoaVector<T> Linearisation<T, TModel>(TModel model, LyapunovState<T> s, int m, int stage)
        where T : unmanaged, IReal<T>
        where TModel : struct, ITangentModel<T>
    {
        long length = (long)model.LinearisationLength * s.Members;
        return length == 0 ? new SoaVector<T>(s.Linearisation, s.Members, m) : SoaSlots.Of(s.Linearisation, stage, length, s.Members, m);
    }
}
