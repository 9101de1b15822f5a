using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// The derivatives of a model written once (<see cref="IParameterisedModel{TSelf, T}"/>), all from dual numbers:
/// tangents and Jᵀ a as <see cref="DualDerivatives{T, TModel}"/> gives them, and (∂f/∂θ_p)ᵀ a as the tangent of f at
/// x (zero tangent) with parameter p seeded in the model's table, one evaluation per parameter.
/// </summary>
public readonly struct ParameterisedDerivatives<T, TModel>(TModel model, int map) : ITangentModel<T>, IAdjointModel<T>
    where T : unmanaged, IReal<T>, ILift<T, T>
    where TModel : struct, IParameterisedModel<TModel, T>
{
    private readonly TModel model = model;
    private readonly DualDerivatives<T, TModel> jacobian = new(model, map);

    /// <inheritdoc/>
    public int Dimension => model.Dimension;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int AdjointWorkLength => jacobian.AdjointWorkLength;
    /// <inheritdoc/>
    public int ParameterLength => model.ParameterCount;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum> =>
        model.Evaluate<TNum, TIn, TOut, TScratch>(member, x, y, scratch);

    /// <inheritdoc/>
    public int LinearisationLength => jacobian.LinearisationLength;

    /// <inheritdoc/>
    public void Linearise<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T> =>
        jacobian.Linearise(member, x, lin);

    /// <inheritdoc/>
    public void Jvp<TX, TLin, TV, TOut>(int member, TX x, TLin lin, TV v, TOut jv)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
        where TV : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T> =>
        jacobian.Jvp(member, x, lin, v, jv);

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T> =>
        jacobian.Contraction(member, x, lin);

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T> =>
        jacobian.Vjp(member, x, a, result, work);

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        // x enters with zero tangent (the unit vector of no component, −1); only θ_p carries ε.
        for (int p = 0; p < model.ParameterCount; p++)
            bar.Set(p, bar[p] + DualDerivatives<T, TModel>.TangentDot(model.Seeded(p), member, x, -1, a, work).ToDouble());
    }
}
