using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>dx/dt = −x + ReLU(W x + b) (Eq. S1). Parameters: W (n·n, row-major), b (n).</summary>
public readonly struct ReluRnnModel<T>(int n, ParamView<T> w, ParamView<T> b) : IModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w, b = b;

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
            var pre = b.Get<TNum>(i, member);
            for (int j = 0; j < n; j++)
                pre += w.Get<TNum>(i * n + j, member) * x[j];
            y.Set(i, TNum.Relu(pre) - x[i]);
        }
    }
}
