using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Models.WrittenOnce;
using FastAttractors.Simd;

namespace FastAttractors;

/// <summary>
/// A built-in model over an n × n matrix block with hand-tuned kernel products (<see cref="TanhRnn"/>,
/// <see cref="ReluRnn"/>, <see cref="TanhOfLinear"/>, <see cref="Linear"/>): the shape checks, the properties and the
/// bindings they share, written once. Each model names its blocks and builds its kernel struct over whichever parameter
/// table a backend holds; the ILGPU kernels and the Reference path (float64, derivatives checked by dual numbers) run
/// that same struct. Only the library derives from it.
/// </summary>
public abstract class MatrixModel : IEnsembleModel, IModelBinding
{
    private readonly ParameterBlock matrix;

    /// <summary>Checks that <paramref name="matrix"/> is n × n per member and that <paramref name="kind"/> is Flow or Map.</summary>
    private protected MatrixModel(ParameterBlock matrix, DynamicsKind kind)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be Flow or Map, got {kind}.");
        this.matrix = matrix;
        Dimension = ModelShapes.SquareDimension(matrix);
        Kind = kind;
    }

    /// <inheritdoc/>
    public abstract string Name { get; }
    /// <inheritdoc/>
    public int Dimension { get; }
    /// <inheritdoc/>
    public DynamicsKind Kind { get; }
    /// <inheritdoc/>
    public int? Members { get; private protected init; }

    /// <summary>The bias or offset b checked to hold n values per member (<paramref name="what"/> names it in the error); zeros when null.</summary>
    private protected ParameterBlock VectorOrZero(ParameterBlock? b, string what) =>
        (b ?? ParameterBlock.Shared("b", new double[Dimension])).RequireLength(Dimension, what);

    /// <summary>The blocks the kernels read, in the order <see cref="Build{T, TTable}"/> takes their tables.</summary>
    private protected abstract IReadOnlyList<ParameterBlock> DeviceParameters { get; }

    /// <summary>The blocks gradients are taken with respect to, as the user gave them.</summary>
    private protected virtual IReadOnlyList<ParameterBlock> GradientParameters => DeviceParameters;

    /// <summary>Hands the model's kernel struct over <paramref name="tables"/> (one per device block) to <paramref name="sink"/>.</summary>
    private protected abstract void Build<T, TTable>(TTable[] tables, IKernelModelSink<T> sink)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TTable : struct, IParameterTable<TTable, T>;

    /// <summary>The Simd tile field over the packed parameter tiles.</summary>
    private protected abstract void BindSimd<T>(SimdParameters<T>[] parameters, ISimdFieldSink<T> sink)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>;

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => DeviceParameters;

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => GradientParameters;

    void IModelBinding.BindKernel<T>(ParamView<T>[] parameters, IKernelModelSink<T> sink) =>
        Build<T, KernelParameters<T>>([.. parameters.Select(view => new KernelParameters<T>(view))], sink);

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] parameters, ISimdFieldSink<T> sink) => BindSimd(parameters, sink);

    IReferenceField IModelBinding.CreateReferenceField()
    {
        // The kernel struct itself in float64, over the same blocks the kernels read; derivatives by dual numbers. A
        // map's contraction adds the constant log |det M|, computed once per member on the host.
        var sink = new ReferenceSink(Kind, Kind == DynamicsKind.Map ? matrix : null);
        Build<Real64, ReferenceParameters>([.. DeviceParameters.Select(block => new ReferenceParameters(block))], sink);
        return sink.Field!;
    }

    private sealed class ReferenceSink(DynamicsKind kind, ParameterBlock? mapMatrix) : IKernelModelSink<Real64>
    {
        public IReferenceField? Field { get; private set; }

        public void Run<TModel>(TModel model) where TModel : struct, ITangentModel<Real64>, IAdjointModel<Real64> =>
            Field = new StructReferenceField<TModel>(model, kind, mapMatrix);
    }
}
