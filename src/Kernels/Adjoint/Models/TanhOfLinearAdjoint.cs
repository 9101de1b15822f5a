using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint.Models;

/// <summary>
/// TanhOfLinear, flow f = −x + tanh(W x) (leak 1) or map F = tanh(W x) (leak 0): with d = (1 − tanh²(W x)) ⊙ a,
/// Jᵀ a = Wᵀ d (− a for the flow); cotangent W_ij: d_i x_j. Work: d (n values).
/// </summary>
public readonly struct TanhOfLinearAdjoint<T>(int n, ParamView<T> w, int leak) : IAdjointModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w;
    private readonly int leak = leak;
    private readonly TanhOfLinearModel<T> model = new(n, w, leak);

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int AdjointWorkLength => n;
    /// <inheritdoc/>
    public int ParameterLength => n * n;

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
        Scale(member, x, a, work);
        for (int j = 0; j < n; j++)
        {
            var sum = T.FromDouble(0.0);
            for (int i = 0; i < n; i++)
                sum += w.Get(i * n + j, member) * work[i];
            result.Set(j, leak != 0 ? sum - a[j] : sum);
        }
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        Scale(member, x, a, work);
        for (int i = 0; i < n; i++)
        {
            var d = work[i];
            for (int j = 0; j < n; j++)
                bar.Set(i * n + j, bar[i * n + j] + (d * x[j]).ToDouble());
        }
    }

    private void Scale<TX, TA, TWork>(int member, TX x, TA a, TWork scaled)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
        {
            var pre = w.Get(i * n, member) * x[0];
            for (int j = 1; j < n; j++)
                pre += w.Get(i * n + j, member) * x[j];
            scaled.Set(i, Sech2.Of(pre) * a[i]);
        }
    }
}
