using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>dx/dt = A x + b. Parameters: A (n·n, row-major), b (n). The exact oracle: its exponents are the sorted Re eig(A).</summary>
public readonly struct LinearModel<T>(int n, ParamView<T> a, ParamView<T> b) : IModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> a = a, b = b;

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => 0;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        for (int i = 0; i < n; i++)
        {
            var acc = b.Get<TNum>(i, member);
            for (int j = 0; j < n; j++)
                acc += a.Get<TNum>(i * n + j, member) * x[j];
            y.Set(i, acc);
        }
    }
}
