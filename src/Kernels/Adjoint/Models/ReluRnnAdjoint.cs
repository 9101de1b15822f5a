using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint.Models;

/// <summary>
/// ReluRnn, f = −x + ReLU(W x + b): with g = H(W x + b) ⊙ a (Heaviside, H(0) = 0 as the model's derivative),
/// Jᵀ a = Wᵀ g − a; cotangents W_ij: g_i x_j, b_i: g_i. Work: g (n values).
/// </summary>
public readonly struct ReluRnnAdjoint<T>(int n, ParamView<T> w, ParamView<T> b) : IAdjointModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w, b = b;
    private readonly ReluRnnModel<T> model = new(n, w, b);

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int AdjointWorkLength => n;
    /// <inheritdoc/>
    public int ParameterLength => n * n + n;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum> =>
        model.Evaluate<TNum, TIn, TOut, TScratch>(member, x, y, scratch);

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        Gate(member, x, a, work);
        for (int j = 0; j < n; j++)
        {
            var sum = T.FromDouble(0.0);
            for (int i = 0; i < n; i++)
                sum += w.Get(i * n + j, member) * work[i];
            result.Set(j, sum - a[j]);
        }
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        Gate(member, x, a, work);
        for (int i = 0; i < n; i++)
        {
            var g = work[i];
            for (int j = 0; j < n; j++)
                bar.Set(i * n + j, bar[i * n + j] + (g * x[j]).ToDouble());
            bar.Set(n * n + i, bar[n * n + i] + g.ToDouble());
        }
    }

    private void Gate<TX, TA, TWork>(int member, TX x, TA a, TWork gated)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
        {
            var pre = b.Get(i, member);
            for (int j = 0; j < n; j++)
                pre += w.Get(i * n + j, member) * x[j];
            gated.Set(i, pre.ToDouble() > 0 ? a[i] : T.FromDouble(0.0));
        }
    }
}
