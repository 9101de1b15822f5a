using System.Numerics;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Simd;

namespace FastAttractors.Models;

/// <summary>
/// Receives a model's kernel functor with its concrete struct type, so each launch is specialised for it. One functor
/// serves integration, tangents (Lyapunov) and the adjoint (gradients): hand-written models carry tuned products,
/// the others derive theirs from dual numbers.
/// </summary>
internal interface IKernelModelSink<T> where T : unmanaged, IReal<T>, ILift<T, T>
{
    void Run<TModel>(TModel model) where TModel : struct, ITangentModel<T>, IAdjointModel<T>;
}

/// <summary>Receives a model's vectorised tile field (f, its linearisation and its backward products) with its concrete struct type.</summary>
internal interface ISimdFieldSink<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    void Run<TField>(TField field) where TField : struct, ISimdAdjointField<T>;
}

/// <summary>Scalar float64 evaluation of f for the Reference path; one instance per worker thread (it may hold work arrays).</summary>
internal interface IReferenceField
{
    void Evaluate(int member, double[] x, double[] y);

    /// <summary>jv = J(x) v, the Jacobian–vector product the tangent dynamics need (hand-written for built-ins).</summary>
    void Jvp(int member, double[] x, double[] v, double[] jv);

    /// <summary>
    /// The phase-space contraction rate at x for the sum rule (docs/explanations/qr-method.md): tr J(x) for flows, log |det J(x)| for maps.
    /// </summary>
    double Contraction(int member, double[] x);

    /// <summary>result = J(x)ᵀ a, the vector–Jacobian product the adjoint needs (hand-written for built-ins).</summary>
    void Vjp(int member, double[] x, double[] a, double[] result);

    /// <summary>
    /// cotangents[b] += (∂f/∂θ_b)ᵀ a at x for each block of <see cref="IModelBinding.GradientParameters"/> (user-facing
    /// parameters: τ, not the 1/τ the kernels read).
    /// </summary>
    void AddParameterCotangent(int member, double[] x, double[] a, double[][] cotangents);
}

/// <summary>How a model reaches each backend: kernel functor, vectorised tile field and reference evaluation.</summary>
internal interface IModelBinding
{
    /// <summary>The parameter blocks in the order <see cref="BindKernel{T}"/> and <see cref="BindSimd{T}"/> expect.</summary>
    IReadOnlyList<ParameterBlock> DeviceParameters { get; }

    /// <summary>The kernel functor over the uploaded parameter views, for every kernel family.</summary>
    void BindKernel<T>(ParamView<T>[] parameters, IKernelModelSink<T> sink) where T : unmanaged, IReal<T>, ILift<T, T>;

    /// <summary>The Simd tile field over the packed parameter tiles, for integration, spectra and gradients.</summary>
    void BindSimd<T>(SimdParameters<T>[] parameters, ISimdFieldSink<T> sink) where T : unmanaged, IFloatingPointIeee754<T>;

    IReferenceField CreateReferenceField();

    /// <summary>The parameter blocks gradients are taken with respect to, as the user gave them.</summary>
    IReadOnlyList<ParameterBlock> GradientParameters { get; }
}
