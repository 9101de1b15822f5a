using FastAttractors.Kernels.Models;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>dx/dt = −x + ReLU(W x + b) (Eq. S1): the fixed-point and line-attractor systems of Fig. 3.</summary>
public sealed class ReluRnn : MatrixModel
{
    /// <summary>A ReLU network.</summary>
    /// <param name="w">W, n × n row-major, shared or per member.</param>
    /// <param name="b">The bias b (n values); zero when null.</param>
    /// <remarks>
    /// Throws when W is not square, b has the wrong length, or per-member blocks disagree on the member count.
    /// </remarks>
    public ReluRnn(ParameterBlock w, ParameterBlock? b = null)
        : base(w, DynamicsKind.Flow)
    {
        W = w;
        B = VectorOrZero(b, "ReluRnn bias");
        Members = ModelShapes.Members(W, B);
    }

    /// <summary>W, n × n row-major (row i, column j at i·n + j per member).</summary>
    public ParameterBlock W { get; }
    /// <summary>The bias b (n values per member).</summary>
    public ParameterBlock B { get; }
    /// <inheritdoc/>
    public override string Name => "ReluRnn";

    /// <summary>One network shared by every member: W from a square array, b (zero when null).</summary>
    public static ReluRnn Shared(double[,] w, double[]? b = null) =>
        new(ParameterBlock.Shared("W", ModelShapes.Square(w, nameof(w))), b is null ? null : ParameterBlock.Shared("b", b));

    private protected override IReadOnlyList<ParameterBlock> DeviceParameters => [W, B];

    private protected override void Build<T, TTable>(TTable[] p, IKernelModelSink<T> sink) =>
        sink.Run(new ReluRnnModel<T, TTable>(Dimension, p[0], p[1]));

    private protected override void BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new ReluRnnSimd<T>(Dimension, p[0], p[1]));
}
