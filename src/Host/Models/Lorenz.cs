using FastAttractors.Kernels.Adjoint.Models;
using FastAttractors.Kernels.Lyapunov.Tangents;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>The Lorenz system; parameters (σ, ρ, β), textbook (10, 28, 8/3) by default.</summary>
public sealed class Lorenz : IEnsembleModel, IModelBinding
{
    /// <summary>A Lorenz system with (σ, ρ, β) given as a block of 3 values, shared or per member.</summary>
    /// <param name="parameters">(σ, ρ, β); throws when its length is not 3.</param>
    public Lorenz(ParameterBlock parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.RequireLength(3, "Lorenz (σ, ρ, β)");
        Members = ModelShapes.Members(Parameters);
    }

    /// <summary>A Lorenz system shared by every member.</summary>
    public Lorenz(double sigma = 10.0, double rho = 28.0, double beta = 8.0 / 3.0)
        : this(ParameterBlock.Shared("sigma_rho_beta", [sigma, rho, beta]))
    {
    }

    /// <summary>(σ, ρ, β) per member or shared.</summary>
    public ParameterBlock Parameters { get; }
    /// <inheritdoc/>
    public string Name => "Lorenz";
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public DynamicsKind Kind => DynamicsKind.Flow;
    /// <inheritdoc/>
    public int? Members { get; }

    /// <summary>The W5 ensemble: σ = 10, β = 8/3 and ρ = linspace(ρ0, ρ1, members).</summary>
    public static Lorenz RhoSweep(int members, double rhoStart = 0.0, double rhoEnd = 21.0)
    {
        if (members < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        var rows = new double[members][];
        for (int m = 0; m < members; m++)
        {
            double rho = members == 1 ? rhoStart : rhoStart + (rhoEnd - rhoStart) * m / (members - 1);
            rows[m] = [10.0, rho, 8.0 / 3.0];
        }
        return new Lorenz(ParameterBlock.PerMemberRows("sigma_rho_beta", rows));
    }

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [Parameters];

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) => sink.Run(new LorenzModel<T>(p[0]));

    void IModelBinding.BindTangentKernel<T>(ParamView<T>[] p, ITangentKernelSink<T> sink) =>
        sink.Run(new LorenzTangent<T>(p[0]));

    void IModelBinding.BindAdjointKernel<T>(ParamView<T>[] p, IAdjointKernelSink<T> sink) =>
        sink.Run(new LorenzAdjoint<T>(p[0]));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new LorenzSimd<T>(p[0]));

    void IModelBinding.BindSimdTangent<T>(SimdParameters<T>[] p, ISimdTangentSink<T> sink) =>
        sink.Run(new LorenzSimd<T>(p[0]));

    void IModelBinding.BindSimdAdjoint<T>(SimdParameters<T>[] p, ISimdAdjointSink<T> sink) =>
        sink.Run(new LorenzSimd<T>(p[0]));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [Parameters];

    IReferenceField IModelBinding.CreateReferenceField() => new Reference(this);

    private sealed class Reference(Lorenz model) : IReferenceField
    {
        public void Evaluate(int m, double[] x, double[] y)
        {
            double sigma = model.Parameters.Get(0, m), rho = model.Parameters.Get(1, m), beta = model.Parameters.Get(2, m);
            y[0] = sigma * (x[1] - x[0]);
            y[1] = x[0] * (rho - x[2]) - x[1];
            y[2] = x[0] * x[1] - beta * x[2];
        }

        /// <summary>J = [[−σ, σ, 0], [ρ − z, −1, −x], [y, x, −β]].</summary>
        public void Jvp(int m, double[] x, double[] v, double[] jv)
        {
            double sigma = model.Parameters.Get(0, m), rho = model.Parameters.Get(1, m), beta = model.Parameters.Get(2, m);
            jv[0] = sigma * (v[1] - v[0]);
            jv[1] = (rho - x[2]) * v[0] - v[1] - x[0] * v[2];
            jv[2] = x[1] * v[0] + x[0] * v[1] - beta * v[2];
        }

        public double Contraction(int m, double[] x) => -model.Parameters.Get(0, m) - 1 - model.Parameters.Get(2, m);

        /// <summary>Jᵀ a with J = [[−σ, σ, 0], [ρ − z, −1, −x], [y, x, −β]].</summary>
        public void Vjp(int m, double[] x, double[] a, double[] result)
        {
            double sigma = model.Parameters.Get(0, m), rho = model.Parameters.Get(1, m), beta = model.Parameters.Get(2, m);
            result[0] = -sigma * a[0] + (rho - x[2]) * a[1] + x[1] * a[2];
            result[1] = sigma * a[0] - a[1] + x[0] * a[2];
            result[2] = -x[0] * a[1] - beta * a[2];
        }

        /// <summary>∂f/∂σ = (y − x, 0, 0), ∂f/∂ρ = (0, x, 0), ∂f/∂β = (0, 0, −z).</summary>
        public void AddParameterCotangent(int m, double[] x, double[] a, double[][] cotangents)
        {
            cotangents[0][0] += a[0] * (x[1] - x[0]);
            cotangents[0][1] += a[1] * x[0];
            cotangents[0][2] -= a[2] * x[2];
        }
    }
}
