using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// Flow dx/dt = −x + tanh(W x) (Eq. 20) when <c>leak</c> is 1, map x ← tanh(W x) (Eq. 21) when it is 0.
/// Parameters: W (n·n, row-major).
/// </summary>
public readonly struct TanhOfLinearModel<T>(int n, ParamView<T> w, int leak) : IModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w;
    private readonly int leak = leak;

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
            var pre = w.Get<TNum>(i * n, member) * x[0];
            for (int j = 1; j < n; j++)
                pre += w.Get<TNum>(i * n + j, member) * x[j];
            var v = TNum.Tanh(pre);
            y.Set(i, leak != 0 ? v - x[i] : v);
        }
    }
}
