using System.Numerics;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Adjoint.Models;
using FastAttractors.Kernels.Lyapunov.Tangents;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Models.WrittenOnce;
using FastAttractors.Simd;
using FastAttractors.Simd.Lanes;

namespace FastAttractors;

/// <summary>
/// A built-in model written once: one generic struct gives f, and this class hands it to every backend with the
/// table of parameters that backend stores: kernel threads (ILGPU), lane vectors (Simd), float64 values (Reference).
/// Tangents, Jacobian products and parameter derivatives all come from dual numbers over the same f, so adding such a
/// model is its struct, a subclass naming it, and its test line. Only the library derives from it.
/// </summary>
public abstract class WrittenOnceModel : IEnsembleModel, IModelBinding
{
    private protected WrittenOnceModel(ParameterBlock parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Members = ModelShapes.Members(parameters);
    }

    /// <summary>The model's parameters, shared or per member; gradients are taken with respect to them.</summary>
    public ParameterBlock Parameters { get; }
    /// <inheritdoc/>
    public abstract string Name { get; }
    /// <inheritdoc/>
    public abstract int Dimension { get; }
    /// <inheritdoc/>
    public abstract DynamicsKind Kind { get; }
    /// <inheritdoc/>
    public int? Members { get; }

    /// <summary>Hands the model's struct over the table <paramref name="parameters"/> to <paramref name="visitor"/>.</summary>
    private protected abstract void Build<T, TTable>(TTable parameters, IFieldVisitor<T> visitor)
        where T : unmanaged, IReal<T>
        where TTable : struct, IParameterTable<TTable, T>;

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [Parameters];

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [Parameters];

    void IModelBinding.BindKernel<T>(ParamView<T>[] parameters, IKernelModelSink<T> sink) =>
        Build<T, KernelParameters<T>>(new(parameters[0]), new KernelVisitor<T>(sink, null, null, 0));

    void IModelBinding.BindTangentKernel<T>(ParamView<T>[] parameters, ITangentKernelSink<T> sink) =>
        Build<T, KernelParameters<T>>(new(parameters[0]), new KernelVisitor<T>(null, sink, null, Kind == DynamicsKind.Map ? 1 : 0));

    void IModelBinding.BindAdjointKernel<T>(ParamView<T>[] parameters, IAdjointKernelSink<T> sink) =>
        Build<T, KernelParameters<T>>(new(parameters[0]), new KernelVisitor<T>(null, null, sink, 0));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] parameters, ISimdFieldSink<T> sink) => BindSimd(parameters, new SimdSinks<T>(sink, null, null));

    void IModelBinding.BindSimdTangent<T>(SimdParameters<T>[] parameters, ISimdTangentSink<T> sink) => BindSimd(parameters, new SimdSinks<T>(null, sink, null));

    void IModelBinding.BindSimdAdjoint<T>(SimdParameters<T>[] parameters, ISimdAdjointSink<T> sink) => BindSimd(parameters, new SimdSinks<T>(null, null, sink));

    IReferenceField IModelBinding.CreateReferenceField()
    {
        var visitor = new ReferenceVisitor(Kind);
        Build<Real64, ReferenceParameters>(new(Parameters), visitor);
        return visitor.Field!;
    }

    /// <summary>The one place the Simd element type picks the lane number type the model is evaluated in.</summary>
    private void BindSimd<T>(SimdParameters<T>[] parameters, SimdSinks<T> sinks) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            Build<Lanes64, LaneParameters<double, Lanes64>>(new((SimdParameters<double>)(object)parameters[0]), new SimdVisitor<double, Lanes64>((SimdSinks<double>)(object)sinks));
        else if (typeof(T) == typeof(float))
            Build<Lanes32, LaneParameters<float, Lanes32>>(new((SimdParameters<float>)(object)parameters[0]), new SimdVisitor<float, Lanes32>((SimdSinks<float>)(object)sinks));
        else
            throw new NotSupportedException($"precision {typeof(T).Name} is not supported.");
    }

    private sealed class KernelVisitor<T>(IKernelModelSink<T>? model, ITangentKernelSink<T>? tangent, IAdjointKernelSink<T>? adjoint, int map)
        : IFieldVisitor<T> where T : unmanaged, IReal<T>, ILift<T, T>
    {
        public void Visit<TField>(TField field) where TField : struct, IParameterisedModel<TField, T>
        {
            model?.Run(field);
            tangent?.Run(new DualTangent<T, TField>(field, map));
            adjoint?.Run(new ParameterisedAdjoint<T, TField>(field));
        }
    }

    private sealed record SimdSinks<T>(ISimdFieldSink<T>? Field, ISimdTangentSink<T>? Tangent, ISimdAdjointSink<T>? Adjoint)
        where T : unmanaged, IFloatingPointIeee754<T>;

    private sealed class SimdVisitor<TScalar, TLanes>(SimdSinks<TScalar> sinks) : IFieldVisitor<TLanes>
        where TScalar : unmanaged, IFloatingPointIeee754<TScalar>
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TLanes>
    {
        public void Visit<TField>(TField field) where TField : struct, IParameterisedModel<TField, TLanes>
        {
            var simd = new VectorisedModelField<TScalar, TLanes, TField>(field);
            sinks.Field?.Run(simd);
            sinks.Tangent?.Run(simd);
            sinks.Adjoint?.Run(simd);
        }
    }

    private sealed class ReferenceVisitor(DynamicsKind kind) : IFieldVisitor<Real64>
    {
        public IReferenceField? Field { get; private set; }

        public void Visit<TField>(TField field) where TField : struct, IParameterisedModel<TField, Real64> =>
            Field = new ParameterisedReferenceField<TField>(field, kind);
    }
}

/// <summary>Receives a built-in written once as its concrete struct over one backend's parameter table.</summary>
internal interface IFieldVisitor<T> where T : unmanaged, IReal<T>
{
    void Visit<TField>(TField field) where TField : struct, IParameterisedModel<TField, T>;
}
