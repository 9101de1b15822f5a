using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Models.WrittenOnce;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>
/// dx/dt = A x + b (<see cref="DynamicsKind.Flow"/>) or x ← A x + b (<see cref="DynamicsKind.Map"/>): the exact oracles
/// (exponents = Re eig A, or log |eig A| for the map; the flow's solution through the matrix exponential).
/// </summary>
public sealed class Linear : IEnsembleModel, IModelBinding
{
    /// <summary>A linear flow or map.</summary>
    /// <param name="a">A, n × n row-major, shared or per member.</param>
    /// <param name="b">The offset b (n values); zero when null.</param>
    /// <param name="kind">Flow or Map.</param>
    /// <remarks>
    /// Throws when A is not square, b has the wrong length, or per-member blocks disagree on the member count.
    /// </remarks>
    public Linear(ParameterBlock a, ParameterBlock? b = null, DynamicsKind kind = DynamicsKind.Flow)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be Flow or Map, got {kind}.");
        Kind = kind;
        Dimension = ModelShapes.SquareDimension(a);
        A = a;
        B = (b ?? ParameterBlock.Shared("b", new double[Dimension])).RequireLength(Dimension, "Linear offset");
        Members = ModelShapes.Members(A, B);
    }

    /// <summary>A, n × n row-major (row i, column j at i·n + j per member).</summary>
    public ParameterBlock A { get; }
    /// <summary>The offset b (n values per member).</summary>
    public ParameterBlock B { get; }
    /// <inheritdoc/>
    public string Name => Kind == DynamicsKind.Flow ? "Linear" : "Linear(map)";
    /// <inheritdoc/>
    public int Dimension { get; }
    /// <inheritdoc/>
    public DynamicsKind Kind { get; }
    /// <inheritdoc/>
    public int? Members { get; }

    /// <summary>One system shared by every member: A from a square array, b (zero when null).</summary>
    public static Linear Shared(double[,] a, double[]? b = null, DynamicsKind kind = DynamicsKind.Flow) =>
        new(ParameterBlock.Shared("A", ModelShapes.Square(a, nameof(a))), b is null ? null : ParameterBlock.Shared("b", b), kind);

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [A, B];

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) =>
        sink.Run(new LinearModel<T, KernelParameters<T>>(Dimension, new(p[0]), new(p[1]), Kind == DynamicsKind.Map ? 1 : 0));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new LinearSimd<T>(Dimension, p[0], p[1]));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [A, B];

    IReferenceField IModelBinding.CreateReferenceField()
    {
        // The kernel struct itself in float64, over the same blocks the kernels read; derivatives by dual numbers.
        var blocks = ((IModelBinding)this).DeviceParameters;
        return new StructReferenceField<LinearModel<Real64, ReferenceParameters>>(new(Dimension, new(blocks[0]), new(blocks[1]), Kind == DynamicsKind.Map ? 1 : 0), Kind, Kind == DynamicsKind.Map ? A : null);
    }
}
