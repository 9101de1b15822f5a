using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Ode;

/// <summary>
/// Any explicit Runge–Kutta method, read from <see cref="RkTerms{T}"/>, thread per member: X_s = x + Σ_j (h a_sj) K_j,
/// K_s = f(X_s), x' = x + Σ_s (h b_s) K_s. The slopes K_0…K_{s−1} live in <see cref="EnsembleState{T}.Slope"/>, which
/// here holds Stages × n values per member (slope j, component i at (j·n + i)·Members + member). Terms are added in
/// ascending j starting from x, as mul + add — the arithmetic of <see cref="Rk4Kernel"/> — so RK4's tableau gives
/// the unrolled kernel's bits (a test checks).
/// </summary>
public static class RkKernel
{
    /// <summary>
    /// Kernel entry: advances member <paramref name="member"/> by the explicit RK method <paramref name="tableau"/>
    /// over the steps of <paramref name="range"/>.
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, EnsembleState<T> s, RkTerms<T> tableau, StepRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != MemberStatusCode.Ok)
            return;
        int n = model.Dimension;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var stage = new SoaVector<T>(s.Stage, s.Members, m);
        var acc = new SoaVector<T>(s.Accumulator, s.Members, m);
        var scratch = new SoaVector<T>(s.Scratch, s.Members, m);
        long slopeStride = (long)n * s.Members;

        for (int step = 0; step < range.Steps; step++)
        {
            for (int st = 0; st < tableau.Stages; st++)
            {
                var k = SoaSlots.Of(s.Slope, st, slopeStride, s.Members, m);
                int from = tableau.Starts[st], to = tableau.Starts[st + 1];
                if (from == to)
                {
                    // A stage with no terms (the first, always) is evaluated at x itself.
                    model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x, k, scratch);
                    continue;
                }
                Combine(x, s.Slope, slopeStride, s.Members, m, n, tableau, from, to, stage);
                model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, stage, k, scratch);
            }
            Combine(x, s.Slope, slopeStride, s.Members, m, n, tableau, tableau.Starts[tableau.Stages], tableau.Starts[tableau.Stages + 1], acc);
            if (!MemberSteps.TryCommit(x, acc, n, s.Status, s.FailedStep, m, MemberStatusCode.NonFinite, range.FirstStep + step))
                return;
        }
    }

    /// <summary>target = x + Σ_t weight_t · K_{slope_t}, terms t in [from, to) in order (a tableau's step has at least one).</summary>
    /// <remarks>
    /// Every tableau kernel's combine: this one's, the discrete adjoint's forward stages (AdjointSteps) and the Lyapunov
    /// kernel's state and tangent stages (LyapunovRkKernel), whose slope buffers have the same layout.
    /// </remarks>
    internal static void Combine<T, TX, TOut>(TX x, ArrayView<T> slopes, long slopeStride, int members, int m, int n,
        RkTerms<T> tableau, int from, int to, TOut target)
        where T : unmanaged, IReal<T>
        where TX : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
        {
            T sum = x[i];
            for (int t = from; t < to; t++)
                sum = sum + tableau.Weights[t] * slopes[tableau.Slopes[t] * slopeStride + (long)i * members + m];
            target.Set(i, sum);
        }
    }
}
