using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
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

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) => sink.Run(new TanhOfLinearModel<T>(Dimension, p[0], Kind == DynamicsKind.Flow ? 1 : 0));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new TanhOfLinearSimd<T>(Dimension, p[0], Kind == DynamicsKind.Flow));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [W];

    IReferenceField IModelBinding.CreateReferenceField() => new Reference(this);

    private sealed class Reference(TanhOfLinear model) : IReferenceField
    {
        public void Evaluate(int m, double[] x, double[] y)
        {
            int n = model.Dimension;
            for (int i = 0; i < n; i++)
            {
                double pre = 0;
                for (int j = 0; j < n; j++)
                    pre += model.W.Get(i * n + j, m) * x[j];
                y[i] = model.Kind == DynamicsKind.Flow ? Math.Tanh(pre) - x[i] : Math.Tanh(pre);
            }
        }

        /// <summary>J v = diag(1 − tanh²(W x)) W v, minus v for the flow.</summary>
        public void Jvp(int m, double[] x, double[] v, double[] jv)
        {
            int n = model.Dimension;
            for (int i = 0; i < n; i++)
            {
                double pre = 0, wv = 0;
                for (int j = 0; j < n; j++)
                {
                    pre += model.W.Get(i * n + j, m) * x[j];
                    wv += model.W.Get(i * n + j, m) * v[j];
                }
                double th = Math.Tanh(pre);
                jv[i] = (1 - th * th) * wv - (model.Kind == DynamicsKind.Flow ? v[i] : 0);
            }
        }

        /// <summary>Flow: Σ (W_ii sech²(W x)_i − 1). Map: Σ log sech²(W x)_i + log |det W| (det W once per member).</summary>
        public double Contraction(int m, double[] x)
        {
            int n = model.Dimension;
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double pre = 0;
                for (int j = 0; j < n; j++)
                    pre += model.W.Get(i * n + j, m) * x[j];
                if (model.Kind == DynamicsKind.Flow)
                {
                    double th = Math.Tanh(pre);
                    sum += model.W.Get(i * n + i, m) * (1 - th * th) - 1;
                }
                else
                {
                    sum += ReferenceJacobian.LogSech2(pre);
                }
            }
            return model.Kind == DynamicsKind.Flow ? sum : sum + logDetW.Get(m);
        }

        private readonly LogDeterminantCache logDetW = new(model.W, model.Dimension);

        /// <summary>Jᵀ a = Wᵀ (d ⊙ a) (− a for the flow), d = 1 − tanh²(W x).</summary>
        public void Vjp(int m, double[] x, double[] a, double[] result)
        {
            int n = model.Dimension;
            var da = Scaled(m, x, a);
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                    sum += model.W.Get(i * n + j, m) * da[i];
                result[j] = sum - (model.Kind == DynamicsKind.Flow ? a[j] : 0);
            }
        }

        /// <summary>∂f_i/∂W_ij = d_i x_j.</summary>
        public void AddParameterCotangent(int m, double[] x, double[] a, double[][] cotangents)
        {
            int n = model.Dimension;
            var da = Scaled(m, x, a);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    cotangents[0][i * n + j] += da[i] * x[j];
        }

        private double[] Scaled(int m, double[] x, double[] a)
        {
            int n = model.Dimension;
            var da = new double[n];
            for (int i = 0; i < n; i++)
            {
                double pre = 0;
                for (int j = 0; j < n; j++)
                    pre += model.W.Get(i * n + j, m) * x[j];
                double th = Math.Tanh(pre);
                da[i] = (1 - th * th) * a[i];
            }
            return da;
        }
    }
}
