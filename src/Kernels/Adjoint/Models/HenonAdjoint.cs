using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint.Models;

/// <summary>Hénon map: Jᵀ a = (−2 a x a₀ + b a₁, a₀); cotangents (a, b): (−a₀ x², a₁ x). No work.</summary>
public readonly struct HenonAdjoint<T>(ParamView<T> p) : IAdjointModel<T> where T : unmanaged, IReal<T>
{
    private readonly ParamView<T> p = p;
    private readonly HenonModel<T> model = new(p);

    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public int ScratchLength => 0;
    /// <inheritdoc/>
    public int AdjointWorkLength => 0;
    /// <inheritdoc/>
    public int ParameterLength => 2;

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
        T pa = p.Get(0, member), pb = p.Get(1, member);
        result.Set(0, T.FromDouble(-2.0) * pa * x[0] * a[0] + pb * a[1]);
        result.Set(1, a[0]);
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        bar.Set(0, bar[0] - (a[0] * x[0] * x[0]).ToDouble());
        bar.Set(1, bar[1] + (a[1] * x[0]).ToDouble());
    }
}
