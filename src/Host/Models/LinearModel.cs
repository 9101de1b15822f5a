using FastAttractors.Kernels.Models;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>
/// dx/dt = A x + b (<see cref="DynamicsKind.Flow"/>) or x ← A x + b (<see cref="DynamicsKind.Map"/>): the exact oracles
/// (exponents = Re eig A, or log |eig A| for the map; the flow's solution through the matrix exponential).
/// </summary>
public sealed class Linear : MatrixModel
{
    /// <summary>A linear flow or map.</summary>
    /// <param name="a">A, n × n row-major, shared or per member.</param>
    /// <param name="b">The offset b (n values); zero when null.</param>
    /// <param name="kind">Flow or Map.</param>
    /// <remarks>
    /// Throws when A is not square, b has the wrong length, or per-member blocks disagree on the member count.
    /// </remarks>
    public Linear(ParameterBlock a, ParameterBlock? b = null, DynamicsKind kind = DynamicsKind.Flow)
        : base(a, kind)
    {
        A = a;
        B = VectorOrZero(b, "Linear offset");
        Members = ModelShapes.Members(A, B);
    }

    /// <summary>A, n × n row-major (row i, column j at i·n + j per member).</summary>
    public ParameterBlock A { get; }
    /// <summary>The offset b (n values per member).</summary>
    public ParameterBlock B { get; }
    /// <inheritdoc/>
    public override string Name => Kind == DynamicsKind.Flow ? "Linear" : "Linear(map)";

    /// <summary>One system shared by every member: A from a square array, b (zero when null).</summary>
    public static Linear Shared(double[,] a, double[]? b = null, DynamicsKind kind = DynamicsKind.Flow) =>
        new(ParameterBlock.Shared("A", ModelShapes.Square(a, nameof(a))), b is null ? null : ParameterBlock.Shared("b", b), kind);

    private protected override IReadOnlyList<ParameterBlock> DeviceParameters => [A, B];

    private protected override void Build<T, TTable>(TTable[] p, IKernelModelSink<T> sink) =>
        sink.Run(new LinearModel<T, TTable>(Dimension, p[0], p[1], Kind == DynamicsKind.Map ? 1 : 0));

    private protected override void BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new LinearSimd<T>(Dimension, p[0], p[1]));
}
