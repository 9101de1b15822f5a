using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Models.WrittenOnce;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>dx/dt = −x + ReLU(W x + b) (Eq. S1): the fixed-point and line-attractor systems of Fig. 3.</summary>
public sealed class ReluRnn : IEnsembleModel, IModelBinding
{
    /// <summary>A ReLU network.</summary>
    /// <param name="w">W, n × n row-major, shared or per member.</param>
    /// <param name="b">The bias b (n values); zero when null.</param>
    /// <remarks>
    /// Throws when W is not square, b has the wrong length, or per-member blocks disagree on the member count.
    /// </remarks>
    public ReluRnn(ParameterBlock w, ParameterBlock? b = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        Dimension = ModelShapes.SquareDimension(w);
        W = w;
        B = (b ?? ParameterBlock.Shared("b", new double[Dimension])).RequireLength(Dimension, "ReluRnn bias");
        Members = ModelShapes.Members(W, B);
    }

    /// <summary>W, n × n row-major (row i, column j at i·n + j per member).</summary>
    public ParameterBlock W { get; }
    /// <summary>The bias b (n values per member).</summary>
    public ParameterBlock B { get; }
    /// <inheritdoc/>
    public string Name => "ReluRnn";
    /// <inheritdoc/>
    public int Dimension { get; }
    /// <inheritdoc/>
    public DynamicsKind Kind => DynamicsKind.Flow;
    /// <inheritdoc/>
    public int? Members { get; }

    /// <summary>One network shared by every member: W from a square array, b (zero when null).</summary>
    public static ReluRnn Shared(double[,] w, double[]? b = null) =>
        new(ParameterBlock.Shared("W", ModelShapes.Square(w, nameof(w))), b is null ? null : ParameterBlock.Shared("b", b));

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [W, B];

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) =>
        sink.Run(new ReluRnnModel<T, KernelParameters<T>>(Dimension, new(p[0]), new(p[1])));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new ReluRnnSimd<T>(Dimension, p[0], p[1]));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [W, B];

    IReferenceField IModelBinding.CreateReferenceField()
    {
        // The kernel struct itself in float64, over the same blocks the kernels read; derivatives by dual numbers.
        var blocks = ((IModelBinding)this).DeviceParameters;
        return new StructReferenceField<ReluRnnModel<Real64, ReferenceParameters>>(new(Dimension, new(blocks[0]), new(blocks[1])), Kind);
    }
}
