using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>τ dx/dt = −x + W tanh(x) + b (Eq. S2). Parameters: W (n·n, row-major), b (n), 1/τ (1).</summary>
public readonly struct TanhRnnModel<T>(int n, ParamView<T> w, ParamView<T> b, ParamView<T> invTau) : IModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w, b = b, invTau = invTau;

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => n;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        for (int j = 0; j < n; j++)
            scratch.Set(j, TNum.Tanh(x[j]));
        var rate = invTau.Get<TNum>(0, member);
        for (int i = 0; i < n; i++)
        {
            var acc = b.Get<TNum>(i, member) - x[i];
            for (int j = 0; j < n; j++)
                acc += w.Get<TNum>(i * n + j, member) * scratch[j];
            y.Set(i, acc * rate);
        }
    }
}
