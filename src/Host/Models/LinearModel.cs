using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
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

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) => sink.Run(new LinearModel<T>(Dimension, p[0], p[1], Kind == DynamicsKind.Map ? 1 : 0));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new LinearSimd<T>(Dimension, p[0], p[1]));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [A, B];

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

        public void Jvp(int m, double[] x, double[] v, double[] jv)
        {
            int n = model.Dimension;
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                    sum += model.A.Get(i * n + j, m) * v[j];
                jv[i] = sum;
            }
        }

        /// <summary>tr A (flow) or log |det A| (map), constant along the trajectory; the determinant once per member.</summary>
        public double Contraction(int m, double[] x)
        {
            int n = model.Dimension;
            if (model.Kind == DynamicsKind.Flow)
            {
                double trace = 0;
                for (int i = 0; i < n; i++)
                    trace += model.A.Get(i * n + i, m);
                return trace;
            }
            return logDetA.Get(m);
        }

        private readonly LogDeterminantCache logDetA = new(model.A, model.Dimension);

        /// <summary>Jᵀ a = Aᵀ a.</summary>
        public void Vjp(int m, double[] x, double[] a, double[] result)
        {
            int n = model.Dimension;
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                    sum += model.A.Get(i * n + j, m) * a[i];
                result[j] = sum;
            }
        }

        /// <summary>∂f_i/∂A_ij = x_j, ∂f_i/∂b_i = 1.</summary>
        public void AddParameterCotangent(int m, double[] x, double[] a, double[][] cotangents)
        {
            int n = model.Dimension;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                    cotangents[0][i * n + j] += a[i] * x[j];
                cotangents[1][i] += a[i];
            }
        }
    }
}
