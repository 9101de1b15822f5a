using FastAttractors.Backends;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using ILGPU;
using ILGPU.Runtime;
using Xunit;

namespace FastAttractors.Tests.Models;

/// <summary>J(x) v from one dual-number evaluation of f, on the CPU and inside an ILGPU kernel.</summary>
public class DualNumberJvpTests
{
    private static (double[] Y, double[] Jv) JvpOnCpu<TModel>(TModel model, double[] x, double[] v) where TModel : struct, IModel<Real64>
    {
        int n = x.Length;
        var input = x.Select((xi, i) => new Dual<Real64>(new(xi), new(v[i]))).ToArray();
        var output = new Dual<Real64>[n];
        var scratch = new Dual<Real64>[Math.Max(1, model.ScratchLength)];
        model.Evaluate<Dual<Real64>, ArrayVector<Dual<Real64>>, ArrayVector<Dual<Real64>>, ArrayVector<Dual<Real64>>>(
            0, new(input, 0), new(output, 0), new(scratch, 0));
        return (output.Select(d => d.Value.Value).ToArray(), output.Select(d => d.Tangent.Value).ToArray());
    }

    [Property(MaxTest = 50)]
    public void User_model_jvp_equals_analytic_jacobian_times_v(NormalFloat x0, NormalFloat x1, NormalFloat x2, NormalFloat v0)
    {
        var model = new RosslerField<Real64>(0.2, 0.2, 5.7);
        double[] x = [Clamp(x0), Clamp(x1), Clamp(x2)], v = [Clamp(v0), 1.0, -0.5];
        var (_, jv) = JvpOnCpu(model, x, v);
        var exact = MatrixExponential.Apply(RosslerJacobian.Of(x), v);
        Compare.Close(jv, exact, 1e-14, "Rössler J v");
    }

    [Property(MaxTest = 30)]
    public void Built_in_tanh_rnn_jvp_equals_central_differences(PositiveInt seed)
    {
        int n = 1 + seed.Get % 12;
        var rnn = TanhRnn.Random(n, 1.5, 0.7, null, seed.Get);
        var w = rnn.W.Values;
        var x = InitialStates.Normal(n, 1, 1.0, seed.Get);
        var v = InitialStates.Normal(n, 1, 1.0, seed.Get + 1);
        // A host-side functor over plain arrays: the same source the kernels run.
        using var accelerator = IlgpuRuntime.CpuDevice.CreateAccelerator(IlgpuRuntime.Context);
        using var wBuffer = accelerator.Allocate1D(w.Select(d => new Real64(d)).ToArray());
        using var bBuffer = accelerator.Allocate1D(new Real64[n]);
        using var tauBuffer = accelerator.Allocate1D(new[] { new Real64(1.0) });
        var model = new TanhRnnModel<Real64, KernelParameters<Real64>>(n, new(ParamView<Real64>.Shared(wBuffer.View)),
            new(ParamView<Real64>.Shared(bBuffer.View)), new(ParamView<Real64>.Shared(tauBuffer.View)));
        var (_, jv) = JvpOnCpu(model, x, v);
        const double h = 1e-6;
        var plus = JvpOnCpu(model, x.Select((xi, i) => xi + h * v[i]).ToArray(), v).Y;
        var minus = JvpOnCpu(model, x.Select((xi, i) => xi - h * v[i]).ToArray(), v).Y;
        var fd = plus.Select((p, i) => (p - minus[i]) / (2 * h)).ToArray();
        // Central differences: truncation h² ‖f'''‖ ~ 1e-12, rounding 1e-16 / h ~ 1e-10.
        Compare.Close(jv, fd, 1e-8, "TanhRnn J v vs central differences");
    }

    [Fact]
    public void Jvp_kernel_on_the_ilgpu_accelerator_matches_the_cpu_functor()
    {
        const int members = 37;
        var model = new RosslerField<Real64>(0.2, 0.2, 5.7);
        var x = InitialStates.Normal(3, members, 2.0, 3);
        var v = InitialStates.Normal(3, members, 1.0, 4);
        using var accelerator = IlgpuRuntime.CpuDevice.CreateAccelerator(IlgpuRuntime.Context);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, RosslerField<Real64>, int, ArrayView<Real64>, ArrayView<Real64>,
            ArrayView<Real64>, ArrayView<Real64>, ArrayView<Dual<Real64>>>(JvpKernel.Run<Real64, RosslerField<Real64>>);
        using var xs = accelerator.Allocate1D(x.Select(d => new Real64(d)).ToArray());
        using var vs = accelerator.Allocate1D(v.Select(d => new Real64(d)).ToArray());
        using var ys = accelerator.Allocate1D<Real64>(3 * members);
        using var jvs = accelerator.Allocate1D<Real64>(3 * members);
        using var scratch = accelerator.Allocate1D<Dual<Real64>>(members);
        kernel(members, model, members, xs.View, vs.View, ys.View, jvs.View, scratch.View);
        accelerator.Synchronize();
        var jv = jvs.GetAsArray1D();
        for (int m = 0; m < members; m++)
        {
            double[] xm = [x[m], x[members + m], x[2 * members + m]], vm = [v[m], v[members + m], v[2 * members + m]];
            var exact = MatrixExponential.Apply(RosslerJacobian.Of(xm), vm);
            Compare.Close([jv[m].Value, jv[members + m].Value, jv[2 * members + m].Value], exact, 1e-14, $"member {m}");
        }
    }

    [Theory]
    [MemberData(nameof(BackendCases.AllWithPrecision), MemberType = typeof(BackendCases))]
    public void User_model_integrates_on_every_backend(Backend backend, Precision precision)
    {
        const int members = 13;
        var model = new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler");
        var problem = new EnsembleProblem(model, InitialStates.Normal(3, members, 1.0, 9), members);
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, new Rk4(0.01), 300);
        var actual = EngineCache.Get(backend).Integrate(problem, new Rk4(0.01), 300, options: new IntegrateOptions { Precision = precision });
        // t = 3 on the Rössler attractor (λ1 ≈ 0.07): float32 rounding 6e-8 × 300 steps × modest growth ≲ 1e-4.
        Compare.Close(actual.FinalStates, reference.FinalStates, precision == Precision.Float64 ? 1e-11 : 1e-3, $"{backend}/{precision}");
    }

    private static double Clamp(NormalFloat f) => Math.Clamp(f.Get, -1e3, 1e3);
}
