using FastAttractors.Kernels.Lyapunov.Tangents;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint.Models;

/// <summary>
/// A model that supplies only f (user models): (Jᵀ a)_c = (J e_c) · a with J e_c the tangent part of f(x + ε e_c) in
/// dual numbers, n products per VJP (the reference assembles J the same way). No parameters. Work: the model's
/// scratch as dual numbers (2·S values), then one column (n).
/// </summary>
public readonly struct DualAdjoint<T, TModel>(TModel model) : IAdjointModel<T>
    where T : unmanaged, IReal<T>, ILift<T, T>
    where TModel : struct, IModel<T>
{
    private readonly TModel model = model;

    /// <inheritdoc/>
    public int Dimension => model.Dimension;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int AdjointWorkLength => 2 * model.ScratchLength + model.Dimension;
    /// <inheritdoc/>
    public int ParameterLength => 0;

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
        int n = model.Dimension, s = model.ScratchLength;
        var scratch = new DualPair<T, OffsetVector<T, TWork>>(new(work, 0), new(work, s));
        var column = new OffsetVector<T, TWork>(work, 2 * s);
        for (int c = 0; c < n; c++)
        {
            model.Evaluate<Dual<T>, DualIn<T, TX, UnitVector<T>>, TangentOut<T, OffsetVector<T, TWork>>, DualPair<T, OffsetVector<T, TWork>>>(
                member, new(x, new UnitVector<T>(c)), new(column), scratch);
            var sum = T.FromDouble(0.0);
            for (int r = 0; r < n; r++)
                sum += column[r] * a[r];
            result.Set(c, sum);
        }
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
    }
}
