using FastAttractors.Kernels.Models;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>τ dx/dt = −x + W tanh(x) + b (Eq. S2): the chaos and limit-cycle networks of Fig. 3.</summary>
public sealed class TanhRnn : MatrixModel
{
    /// <param name="w">n × n weights (row-major), shared or per member.</param>
    /// <param name="b">bias (n values); zero when null.</param>
    /// <param name="tau">time constant τ (one value, &gt; 0); 1 when null.</param>
    public TanhRnn(ParameterBlock w, ParameterBlock? b = null, ParameterBlock? tau = null)
        : base(w, DynamicsKind.Flow)
    {
        W = w;
        B = VectorOrZero(b, "TanhRnn bias");
        Tau = (tau ?? ParameterBlock.Shared("tau", [1.0])).RequireLength(1, "TanhRnn time constant");
        foreach (var value in Tau.Values)
        {
            if (value <= 0)
                throw new ArgumentOutOfRangeException(nameof(tau), value, $"parameter 'tau' must be positive, got {value}.");
        }
        Members = ModelShapes.Members(W, B, Tau);
    }

    /// <summary>W, n × n row-major (row i, column j at i·n + j per member).</summary>
    public ParameterBlock W { get; }
    /// <summary>The bias b (n values per member).</summary>
    public ParameterBlock B { get; }
    /// <summary>The time constant τ (one value per member, &gt; 0).</summary>
    public ParameterBlock Tau { get; }
    /// <inheritdoc/>
    public override string Name => "TanhRnn";

    /// <summary>One network shared by all members.</summary>
    public static TanhRnn Shared(double[,] w, double[]? b = null, double tau = 1.0) =>
        new(ParameterBlock.Shared("W", ModelShapes.Square(w, nameof(w))), b is null ? null : ParameterBlock.Shared("b", b),
            ParameterBlock.Shared("tau", [tau]));

    /// <summary>Random networks with the sparse Gaussian W of Eq. S3 (per member, or shared when members is null).</summary>
    public static TanhRnn Random(int n, double g, double connectivity, int? members, long seed, double tau = 1.0, bool zeroDiagonal = false) =>
        new(Weights.SparseGaussian(n, g, connectivity, members, seed, zeroDiagonal), tau: ParameterBlock.Shared("tau", [tau]));

    // The kernels read 1/τ; gradients are taken with respect to τ as the user gave it.
    private protected override IReadOnlyList<ParameterBlock> DeviceParameters => [W, B, Tau.Map("inv_tau", t => 1.0 / t)];

    private protected override IReadOnlyList<ParameterBlock> GradientParameters => [W, B, Tau];

    private protected override void Build<T, TTable>(TTable[] p, IKernelModelSink<T> sink) =>
        sink.Run(new TanhRnnModel<T, TTable>(Dimension, p[0], p[1], p[2]));

    private protected override void BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new TanhRnnSimd<T>(Dimension, p[0], p[1], p[2]));
}
