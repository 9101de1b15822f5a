using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
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

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) => sink.Run(new ReluRnnModel<T>(Dimension, p[0], p[1]));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new ReluRnnSimd<T>(Dimension, p[0], p[1]));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [W, B];

    IReferenceField IModelBinding.CreateReferenceField() => new Reference(this);

    private sealed class Reference(ReluRnn model) : IReferenceField
    {
        public void Evaluate(int m, double[] x, double[] y)
        {
            int n = model.Dimension;
            for (int i = 0; i < n; i++)
            {
                double pre = model.B.Get(i, m);
                for (int j = 0; j < n; j++)
                    pre += model.W.Get(i * n + j, m) * x[j];
                y[i] = (pre <= 0 ? 0 : pre) - x[i];
            }
        }

        /// <summary>J v = −v + H(W x + b) ⊙ (W v): the gate multiplies rows, H(0) = 0.</summary>
        public void Jvp(int m, double[] x, double[] v, double[] jv)
        {
            int n = model.Dimension;
            for (int i = 0; i < n; i++)
            {
                double pre = model.B.Get(i, m), wv = 0;
                for (int j = 0; j < n; j++)
                {
                    pre += model.W.Get(i * n + j, m) * x[j];
                    wv += model.W.Get(i * n + j, m) * v[j];
                }
                jv[i] = (pre > 0 ? wv : 0) - v[i];
            }
        }

        public double Contraction(int m, double[] x)
        {
            int n = model.Dimension;
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double pre = model.B.Get(i, m);
                for (int j = 0; j < n; j++)
                    pre += model.W.Get(i * n + j, m) * x[j];
                sum += (pre > 0 ? model.W.Get(i * n + i, m) : 0) - 1;
            }
            return sum;
        }

        /// <summary>Jᵀ a = −a + Wᵀ (H ⊙ a), H = H(W x + b).</summary>
        public void Vjp(int m, double[] x, double[] a, double[] result)
        {
            int n = model.Dimension;
            var gated = Gated(m, x, a);
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                    sum += model.W.Get(i * n + j, m) * gated[i];
                result[j] = sum - a[j];
            }
        }

        /// <summary>∂f_i/∂W_ij = H_i x_j, ∂f_i/∂b_i = H_i.</summary>
        public void AddParameterCotangent(int m, double[] x, double[] a, double[][] cotangents)
        {
            int n = model.Dimension;
            var gated = Gated(m, x, a);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                    cotangents[0][i * n + j] += gated[i] * x[j];
                cotangents[1][i] += gated[i];
            }
        }

        private double[] Gated(int m, double[] x, double[] a)
        {
            int n = model.Dimension;
            var gated = new double[n];
            for (int i = 0; i < n; i++)
            {
                double pre = model.B.Get(i, m);
                for (int j = 0; j < n; j++)
                    pre += model.W.Get(i * n + j, m) * x[j];
                gated[i] = pre > 0 ? a[i] : 0;
            }
            return gated;
        }
    }
}
