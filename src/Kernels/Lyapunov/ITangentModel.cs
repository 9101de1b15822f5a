using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// A model with its tangent dynamics for the Benettin QR method (docs/explanations/qr-method.md): a linearisation computed once per state
/// (one RK4 stage, or one map iterate) and reused by the Jacobian–vector products of all k tangent columns, plus the
/// phase-space contraction rate for the sum rule. Built-ins are hand-written; user models get dual numbers
/// (<see cref="Models.DualDerivatives{T, TModel}"/>). The float64 reference fields on the host are the oracle.
/// </summary>
public interface ITangentModel<T> : IModel<T> where T : unmanaged, IReal<T>
{
    /// <summary>Values per member the linearisation (and the products' work) needs; may be 0.</summary>
    int LinearisationLength { get; }

    /// <summary>Fills <paramref name="lin"/> from the state x (e.g. 1 − tanh²(x) for TanhRnn).</summary>
    void Linearise<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>;

    /// <summary>jv = J(x) v, using the linearisation of the same x. <paramref name="jv"/> must not alias v.</summary>
    void Jvp<TX, TLin, TV, TOut>(int member, TX x, TLin lin, TV v, TOut jv)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
        where TV : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>;

    /// <summary>
    /// tr J(x) for flows; for maps log |det J(x)| less any per-member constant the host precomputes (log |det W| of
    /// TanhOfLinear, log |det A| of Linear), which the kernel adds. Returned in float64 whatever T is.
    /// </summary>
    double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>;
}
