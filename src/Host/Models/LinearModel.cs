using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>dx/dt = A x + b: the exact oracle (exponents = Re eig A; solution through the matrix exponential).</summary>
public sealed class Linear : IEnsembleModel, IModelBinding
{
    public Linear(ParameterBlock a, ParameterBlock? b = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        Dimension = ModelShapes.SquareDimension(a);
        A = a;
        B = (b ?? ParameterBlock.Shared("b", new double[Dimension])).RequireLength(Dimension, "Linear offset");
        Members = ModelShapes.Members(A, B);
    }

    public ParameterBlock A { get; }
    public ParameterBlock B { get; }
    public string Name => "Linear";
    public int Dimension { get; }
    public DynamicsKind Kind => DynamicsKind.Flow;
    public int? Members { get; }

    public static Linear Shared(double[,] a, double[]? b = null) =>
        new(ParameterBlock.Shared("A", ModelShapes.Square(a, nameof(a))), b is null ? null : ParameterBlock.Shared("b", b));

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [A, B];

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) =>
        sink.Run(new LinearModel<T>(Dimension, p[0], p[1]));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) =>
        sink.Run(new LinearSimd<T>(Dimension, p[0], p[1]));

    IReferenceField IModelBinding.CreateReferenceField() => new Reference(this);

    private sealed class Reference(Linear model) : IReferenceField
    {
        public void Evaluate(int m, double[] x, double[] y)
        {
            int n = model.Dimension;
            for (int i = 0; i < n; i++)
            {
                double sum = model.B.Get(i, m);
                for (int j = 0; j < n; j++)
                    sum += model.A.Get(i * n + j, m) * x[j];
                y[i] = sum;
            }
        }
    }
}
