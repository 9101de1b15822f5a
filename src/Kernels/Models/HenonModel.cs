using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>Hénon map: (x, y) ← (1 − a x² + y, b x). Parameters: (a, b).</summary>
public readonly struct HenonModel<T>(ParamView<T> p) : IModel<T> where T : unmanaged, IReal<T>
{
    private readonly ParamView<T> p = p;

    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public int ScratchLength => 0;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        var a = p.Get<TNum>(0, member);
        var b = p.Get<TNum>(1, member);
        TNum x0 = x[0], x1 = x[1];
        y.Set(0, TNum.FromDouble(1.0) - a * x0 * x0 + x1);
        y.Set(1, b * x0);
    }
}
