using FastAttractors.Kernels.Models;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>
/// dx/dt = −x + tanh(W x) (Eq. 20, <see cref="DynamicsKind.Flow"/>) or x ← tanh(W x) (Eq. 21, <see cref="DynamicsKind.Map"/>):
/// the rotation-block systems of Fig. 5A.
/// </summary>
public sealed class TanhOfLinear : MatrixModel
{
    /// <summary>The tanh-of-linear flow or map.</summary>
    /// <param name="w">W, n × n row-major, shared or per member; throws when not square.</param>
    /// <param name="kind">Flow or Map.</param>
    public TanhOfLinear(ParameterBlock w, DynamicsKind kind)
        : base(w, kind)
    {
        W = w;
        Members = ModelShapes.Members(W);
    }

    /// <summary>W, n × n row-major (row i, column j at i·n + j per member).</summary>
    public ParameterBlock W { get; }
    /// <inheritdoc/>
    public override string Name => Kind == DynamicsKind.Flow ? "TanhOfLinear(flow)" : "TanhOfLinear(map)";

    /// <summary>One system shared by every member, W from a square array.</summary>
    public static TanhOfLinear Shared(double[,] w, DynamicsKind kind) =>
        new(ParameterBlock.Shared("W", ModelShapes.Square(w, nameof(w))), kind);

    private protected override IReadOnlyList<ParameterBlock> DeviceParameters => [W];

    private protected override void Build<T, TTable>(TTable[] p, IKernelModelSink<T> sink) =>
        sink.Run(new TanhOfLinearModel<T, TTable>(Dimension, p[0], Kind == DynamicsKind.Flow ? 1 : 0));

    private protected override void BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new TanhOfLinearSimd<T>(Dimension, p[0], Kind == DynamicsKind.Flow));
}
