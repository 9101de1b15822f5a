using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint;

/// <summary>
/// A model with the two products the discrete adjoint needs (docs/explanations/rk4-and-adjoint.md): the vector–Jacobian product J(x)ᵀ a and the
/// parameter cotangent (∂f/∂θ(x))ᵀ a, accumulated per member in float64 into the concatenated gradient blocks of the
/// host's <c>IModelBinding.GradientParameters</c> (user-facing parameters: τ, not the 1/τ the kernel reads).
/// Built-ins are hand-written; user models get J assembled from dual-number products. The float64 reference fields on
/// the host are the oracle.
/// </summary>
public interface IAdjointModel<T> : IModel<T> where T : unmanaged, IReal<T>
{
    /// <summary>Values of T per member both products may use as work; may be 0.</summary>
    int AdjointWorkLength { get; }

    /// <summary>Σ of the gradient blocks' lengths (the cotangent values per member).</summary>
    int ParameterLength { get; }

    /// <summary>result = J(x)ᵀ a. <paramref name="result"/> must alias neither x nor a.</summary>
    void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>;

    /// <summary>bar += (∂f/∂θ(x))ᵀ a, blocks concatenated in the host's gradient order.</summary>
    void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>;
}
