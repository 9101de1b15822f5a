using System.Numerics;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>τ dx/dt = −x + W tanh(x) + b (Eq. S2): the chaos and limit-cycle networks of Fig. 3.</summary>
public sealed class TanhRnn : IEnsembleModel, IModelBinding
{
    /// <param name="w">n × n weights (row-major), shared or per member.</param>
    /// <param name="b">bias (n values); zero when null.</param>
    /// <param name="tau">time constant τ (one value, &gt; 0); 1 when null.</param>
    public TanhRnn(ParameterBlock w, ParameterBlock? b = null, ParameterBlock? tau = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        Dimension = ModelShapes.SquareDimension(w);
        W = w;
        B = (b ?? ParameterBlock.Shared("b", new double[Dimension])).RequireLength(Dimension, "TanhRnn bias");
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
    public string Name => "TanhRnn";
    /// <inheritdoc/>
    public int Dimension { get; }
    /// <inheritdoc/>
    public DynamicsKind Kind => DynamicsKind.Flow;
    /// <inheritdoc/>
    public int? Members { get; }

    /// <summary>One network shared by all members.</summary>
    public static TanhRnn Shared(double[,] w, double[]? b = null, double tau = 1.0) =>
        new(ParameterBlock.Shared("W", ModelShapes.Square(w, nameof(w))), b is null ? null : ParameterBlock.Shared("b", b),
            ParameterBlock.Shared("tau", [tau]));

    /// <summary>Random networks with the sparse Gaussian W of Eq. S3 (per member, or shared when members is null).</summary>
    public static TanhRnn Random(int n, double g, double connectivity, int? members, long seed, double tau = 1.0, bool zeroDiagonal = false) =>
        new(Weights.SparseGaussian(n, g, connectivity, members, seed, zeroDiagonal), tau: ParameterBlock.Shared("tau", [tau]));

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [W, B, Tau.Map("inv_tau", t => 1.0 / t)];

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) => sink.Run(new TanhRnnModel<T>(Dimension, p[0], p[1], p[2]));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new TanhRnnSimd<T>(Dimension, p[0], p[1], p[2]));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [W, B, Tau];

    IReferenceField IModelBinding.CreateReferenceField() => new Reference(this);

    private sealed class Reference(TanhRnn model) : IReferenceField
    {
        private readonly double[] t = new double[model.Dimension];
        private readonly double[] f = new double[model.Dimension];

        public void Evaluate(int m, double[] x, double[] y)
        {
            int n = model.Dimension;
            for (int j = 0; j < n; j++)
                t[j] = Math.Tanh(x[j]);
            double tau = model.Tau.Get(0, m);
            for (int i = 0; i < n; i++)
            {
                double sum = model.B.Get(i, m);
                for (int j = 0; j < n; j++)
                    sum += model.W.Get(i * n + j, m) * t[j];
                y[i] = (sum - x[i]) / tau;
            }
        }

        /// <summary>J v = (−v + W diag(1 − tanh² x) v) / τ.</summary>
        public void Jvp(int m, double[] x, double[] v, double[] jv)
        {
            int n = model.Dimension;
            for (int j = 0; j < n; j++)
            {
                double th = Math.Tanh(x[j]);
                t[j] = (1 - th * th) * v[j];
            }
            double tau = model.Tau.Get(0, m);
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                    sum += model.W.Get(i * n + j, m) * t[j];
                jv[i] = (sum - v[i]) / tau;
            }
        }

        /// <summary>tr J = Σ_i (−1 + W_ii (1 − tanh² x_i)) / τ; −n/τ for a zero diagonal.</summary>
        public double Contraction(int m, double[] x)
        {
            int n = model.Dimension;
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double th = Math.Tanh(x[i]);
                sum += model.W.Get(i * n + i, m) * (1 - th * th) - 1;
            }
            return sum / model.Tau.Get(0, m);
        }

        /// <summary>Jᵀ a = (−a + diag(1 − tanh² x) Wᵀ a) / τ.</summary>
        public void Vjp(int m, double[] x, double[] a, double[] result)
        {
            int n = model.Dimension;
            double tau = model.Tau.Get(0, m);
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                    sum += model.W.Get(i * n + j, m) * a[i];
                double th = Math.Tanh(x[j]);
                result[j] = ((1 - th * th) * sum - a[j]) / tau;
            }
        }

        /// <summary>∂f/∂W_ij = tanh(x_j)/τ, ∂f/∂b_i = 1/τ, ∂f/∂τ = −f/τ.</summary>
        public void AddParameterCotangent(int m, double[] x, double[] a, double[][] cotangents)
        {
            int n = model.Dimension;
            double tau = model.Tau.Get(0, m);
            Evaluate(m, x, f); // into a field: the adjoint calls this 4 times a step, an array each would be O(steps) garbage
            double tauBar = 0;
            for (int i = 0; i < n; i++)
            {
                double ai = a[i] / tau;
                for (int j = 0; j < n; j++)
                    cotangents[0][i * n + j] += ai * Math.Tanh(x[j]);
                cotangents[1][i] += ai;
                tauBar -= ai * f[i];
            }
            cotangents[2][0] += tauBar;
        }
    }
}
