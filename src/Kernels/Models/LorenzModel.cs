using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>Lorenz: x' = σ(y − x), y' = x(ρ − z) − y, z' = xy − βz. Parameters: (σ, ρ, β).</summary>
public readonly struct LorenzModel<T>(ParamView<T> p) : IModel<T> where T : unmanaged, IReal<T>
{
    private readonly ParamView<T> p = p;

    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public int ScratchLength => 0;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        var sigma = p.Get<TNum>(0, member);
        var rho = p.Get<TNum>(1, member);
        var beta = p.Get<TNum>(2, member);
        TNum x0 = x[0], x1 = x[1], x2 = x[2];
        y.Set(0, sigma * (x1 - x0));
        y.Set(1, x0 * (rho - x2) - x1);
        y.Set(2, x0 * x1 - beta * x2);
    }
}
