using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint.Models;

/// <summary>Linear, f = A x + b (flow or map alike): Jᵀ a = Aᵀ a; cotangents A_ij: a_i x_j, b_i: a_i. No work.</summary>
public readonly struct LinearAdjoint<T>(int n, ParamView<T> a, ParamView<T> b) : IAdjointModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> matrix = a;
    private readonly LinearModel<T> model = new(n, a, b);

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int AdjointWorkLength => 0;
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
        for (int j = 0; j < n; j++)
        {
            var sum = T.FromDouble(0.0);
            for (int i = 0; i < n; i++)
                sum += matrix.Get(i * n + j, member) * a[i];
            result.Set(j, sum);
        }
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
        {
            var ai = a[i];
            for (int j = 0; j < n; j++)
                bar.Set(i * n + j, bar[i * n + j] + (ai * x[j]).ToDouble());
            bar.Set(n * n + i, bar[n * n + i] + ai.ToDouble());
        }
    }
}
