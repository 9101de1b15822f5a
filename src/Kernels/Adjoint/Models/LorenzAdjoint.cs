using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint.Models;

/// <summary>
/// Lorenz: Jᵀ a = (−σ a₀ + (ρ − z) a₁ + y a₂, σ a₀ − a₁ + x a₂, −x a₁ − β a₂); cotangents (σ, ρ, β):
/// (a₀ (y − x), a₁ x, −a₂ z). No work.
/// </summary>
public readonly struct LorenzAdjoint<T>(ParamView<T> p) : IAdjointModel<T> where T : unmanaged, IReal<T>
{
    private readonly ParamView<T> p = p;
    private readonly LorenzModel<T> model = new(p);

    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public int ScratchLength => 0;
    /// <inheritdoc/>
    public int AdjointWorkLength => 0;
    /// <inheritdoc/>
    public int ParameterLength => 3;

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
        T sigma = p.Get(0, member), rho = p.Get(1, member), beta = p.Get(2, member);
        T x0 = x[0], x1 = x[1], x2 = x[2], a0 = a[0], a1 = a[1], a2 = a[2];
        result.Set(0, -sigma * a0 + (rho - x2) * a1 + x1 * a2);
        result.Set(1, sigma * a0 - a1 + x0 * a2);
        result.Set(2, -x0 * a1 - beta * a2);
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        bar.Set(0, bar[0] + (a[0] * (x[1] - x[0])).ToDouble());
        bar.Set(1, bar[1] + (a[1] * x[0]).ToDouble());
        bar.Set(2, bar[2] - (a[2] * x[2]).ToDouble());
    }
}
