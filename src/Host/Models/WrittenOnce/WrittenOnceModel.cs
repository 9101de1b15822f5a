using System.Numerics;
using FastAttractors.Kernels.Adjoint;
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
    /// <summary>Checks that <paramref name="parameters"/> has <paramref name="length"/> values per member (<paramref name="what"/> names them in the error).</summary>
    private protected WrittenOnceModel(ParameterBlock parameters, int length, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.RequireLength(length, what);
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
        Build<T, KernelParameters<T>>(new(parameters[0]), new KernelVisitor<T>(sink, Kind == DynamicsKind.Map ? 1 : 0));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] parameters, ISimdFieldSink<T> sink)
    {
        // The one place the Simd element type picks the lane number type the model is evaluated in.
        if (typeof(T) == typeof(double))
            Build<Lanes64, LaneParameters<double, Lanes64>>(new((SimdParameters<double>)(object)parameters[0]), new SimdVisitor<double, Lanes64>((ISimdFieldSink<double>)sink));
        else if (typeof(T) == typeof(float))
            Build<Lanes32, LaneParameters<float, Lanes32>>(new((SimdParameters<float>)(object)parameters[0]), new SimdVisitor<float, Lanes32>((ISimdFieldSink<float>)sink));
        else
            throw new NotSupportedException($"precision {typeof(T).Name} is not supported.");
    }

    IReferenceField IModelBinding.CreateReferenceField()
    {
        var visitor = new ReferenceVisitor(Kind);
        Build<Real64, ReferenceParameters>(new(Parameters), visitor);
        return visitor.Field!;
    }

    private sealed class KernelVisitor<T>(IKernelModelSink<T> sink, int map) : IFieldVisitor<T> where T : unmanaged, IReal<T>, ILift<T, T>
    {
        public void Visit<TField>(TField field) where TField : struct, IParameterisedModel<TField, T> =>
            sink.Run(new ParameterisedDerivatives<T, TField>(field, map));
    }

    private sealed class SimdVisitor<TScalar, TLanes>(ISimdFieldSink<TScalar> sink) : IFieldVisitor<TLanes>
        where TScalar : unmanaged, IFloatingPointIeee754<TScalar>
        where TLanes : unmanaged, ILaneNumber<TLanes>, ILift<TLanes, TLanes>
    {
        public void Visit<TField>(TField field) where TField : struct, IParameterisedModel<TField, TLanes> =>
            sink.Run(new VectorisedModelField<TScalar, TLanes, TField>(field));
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
