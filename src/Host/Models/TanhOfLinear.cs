using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Models.WrittenOnce;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>
/// dx/dt = −x + tanh(W x) (Eq. 20, <see cref="DynamicsKind.Flow"/>) or x ← tanh(W x) (Eq. 21, <see cref="DynamicsKind.Map"/>):
/// the rotation-block systems of Fig. 5A.
/// </summary>
public sealed class TanhOfLinear : IEnsembleModel, IModelBinding
{
    /// <summary>The tanh-of-linear flow or map.</summary>
    /// <param name="w">W, n × n row-major, shared or per member; throws when not square.</param>
    /// <param name="kind">Flow or Map.</param>
    public TanhOfLinear(ParameterBlock w, DynamicsKind kind)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be Flow or Map, got {kind}.");
        Dimension = ModelShapes.SquareDimension(w);
        W = w;
        Kind = kind;
        Members = ModelShapes.Members(W);
    }

    /// <summary>W, n × n row-major (row i, column j at i·n + j per member).</summary>
    public ParameterBlock W { get; }
    /// <inheritdoc/>
    public string Name => Kind == DynamicsKind.Flow ? "TanhOfLinear(flow)" : "TanhOfLinear(map)";
    /// <inheritdoc/>
    public int Dimension { get; }
    /// <inheritdoc/>
    public DynamicsKind Kind { get; }
    /// <inheritdoc/>
    public int? Members { get; }

    /// <summary>One system shared by every member, W from a square array.</summary>
    public static TanhOfLinear Shared(double[,] w, DynamicsKind kind) =>
        new(ParameterBlock.Shared("W", ModelShapes.Square(w, nameof(w))), kind);

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [W];

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) =>
        sink.Run(new TanhOfLinearModel<T, KernelParameters<T>>(Dimension, new(p[0]), Kind == DynamicsKind.Flow ? 1 : 0));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new TanhOfLinearSimd<T>(Dimension, p[0], Kind == DynamicsKind.Flow));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [W];

    IReferenceField IModelBinding.CreateReferenceField()
    {
        // The kernel struct itself in float64, over the same blocks the kernels read; derivatives by dual numbers.
        var blocks = ((IModelBinding)this).DeviceParameters;
        return new StructReferenceField<TanhOfLinearModel<Real64, ReferenceParameters>>(new(Dimension, new(blocks[0]), Kind == DynamicsKind.Flow ? 1 : 0), Kind, Kind == DynamicsKind.Map ? W : null);
    }
}
