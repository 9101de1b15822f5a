using FastAttractors.Kernels.Adjoint.Models;
using FastAttractors.Kernels.Lyapunov.Tangents;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Models;
using FastAttractors.Simd;
using FastAttractors.Simd.Fields;

namespace FastAttractors;

/// <summary>The Hénon map (x, y) ← (1 − a x² + y, b x); (a, b) = (1.4, 0.3) by default.</summary>
public sealed class Henon : IEnsembleModel, IModelBinding
{
    /// <summary>A Hénon map with (a, b) given as a block of 2 values, shared or per member.</summary>
    /// <param name="parameters">(a, b); throws when its length is not 2.</param>
    public Henon(ParameterBlock parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.RequireLength(2, "Hénon (a, b)");
        Members = ModelShapes.Members(Parameters);
    }

    /// <summary>A Hénon map shared by every member.</summary>
    public Henon(double a = 1.4, double b = 0.3)
        : this(ParameterBlock.Shared("a_b", [a, b]))
    {
    }

    /// <summary>(a, b) per member or shared.</summary>
    public ParameterBlock Parameters { get; }
    /// <inheritdoc/>
    public string Name => "Henon";
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public DynamicsKind Kind => DynamicsKind.Map;
    /// <inheritdoc/>
    public int? Members { get; }

    IReadOnlyList<ParameterBlock> IModelBinding.DeviceParameters => [Parameters];

    void IModelBinding.BindKernel<T>(ParamView<T>[] p, IKernelModelSink<T> sink) => sink.Run(new HenonModel<T>(p[0]));

    void IModelBinding.BindTangentKernel<T>(ParamView<T>[] p, ITangentKernelSink<T> sink) =>
        sink.Run(new HenonTangent<T>(p[0]));

    void IModelBinding.BindAdjointKernel<T>(ParamView<T>[] p, IAdjointKernelSink<T> sink) =>
        sink.Run(new HenonAdjoint<T>(p[0]));

    void IModelBinding.BindSimd<T>(SimdParameters<T>[] p, ISimdFieldSink<T> sink) => sink.Run(new HenonSimd<T>(p[0]));

    void IModelBinding.BindSimdTangent<T>(SimdParameters<T>[] p, ISimdTangentSink<T> sink) =>
        sink.Run(new HenonSimd<T>(p[0]));

    void IModelBinding.BindSimdAdjoint<T>(SimdParameters<T>[] p, ISimdAdjointSink<T> sink) =>
        sink.Run(new HenonSimd<T>(p[0]));

    IReadOnlyList<ParameterBlock> IModelBinding.GradientParameters => [Parameters];

    IReferenceField IModelBinding.CreateReferenceField() => new Reference(this);

    private sealed class Reference(Henon model) : IReferenceField
    {
        public void Evaluate(int m, double[] x, double[] y)
        {
            double a = model.Parameters.Get(0, m), b = model.Parameters.Get(1, m);
            y[0] = 1.0 - a * x[0] * x[0] + x[1];
            y[1] = b * x[0];
        }

        /// <summary>J = [[−2 a x, 1], [b, 0]].</summary>
        public void Jvp(int m, double[] x, double[] v, double[] jv)
        {
            double a = model.Parameters.Get(0, m), b = model.Parameters.Get(1, m);
            jv[0] = -2 * a * x[0] * v[0] + v[1];
            jv[1] = b * v[0];
        }

        /// <summary>log |det J| = log |b|.</summary>
        public double Contraction(int m, double[] x) => Math.Log(Math.Abs(model.Parameters.Get(1, m)));

        /// <summary>Jᵀ a with J = [[−2 a x, 1], [b, 0]].</summary>
        public void Vjp(int m, double[] x, double[] a, double[] result)
        {
            double pa = model.Parameters.Get(0, m), pb = model.Parameters.Get(1, m);
            result[0] = -2 * pa * x[0] * a[0] + pb * a[1];
            result[1] = a[0];
        }

        /// <summary>∂F/∂a = (−x², 0), ∂F/∂b = (0, x).</summary>
        public void AddParameterCotangent(int m, double[] x, double[] a, double[][] cotangents)
        {
            cotangents[0][0] -= a[0] * x[0] * x[0];
            cotangents[0][1] += a[1] * x[0];
        }
    }
}
