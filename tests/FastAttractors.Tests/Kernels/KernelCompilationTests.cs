using FastAttractors.Backends;
using Xunit;

namespace FastAttractors.Tests.Kernels;

/// <summary>Every kernel specialisation compiles to PTX for sm_90 and to OpenCL C, with no device present.</summary>
public class KernelCompilationTests
{
    public static IEnumerable<object[]> Specialisations() =>
        KernelSpecialisations.All().Select(s => new object[] { s.Name });

    private static KernelSpecialisations.Specialisation Find(string name) => KernelSpecialisations.All().Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(Specialisations))]
    public void Compiles_to_ptx_for_sm_90(string name)
    {
        var ptx = KernelSpecialisations.CompilePtx(Find(name));
        // The backend is built for CudaArchitecture.SM_90; ILGPU 1.5.3 writes the newest PTX target its generator
        // knows (sm_80 with ISA 8.0), which the driver JIT-compiles for the H100 at load time.
        Assert.Matches(@"\.target sm_(80|86|89|90)", ptx);
        Assert.Contains(".entry", ptx);
        // A call to an undefined function links on no GPU: every routine must be compiled into the module.
        Assert.DoesNotContain(".extern .func", ptx);
        if (name.Contains("Real64"))
            Assert.Contains(".f64", ptx);
    }

    [Theory]
    [MemberData(nameof(Specialisations))]
    public void Compiles_to_opencl_c(string name)
    {
        var source = KernelSpecialisations.CompileOpenCl(Find(name));
        Assert.Contains("kernel", source);
        if (name.Contains("Real64"))
            Assert.Contains("double", source);
    }

    [Fact]
    public void Float32_tanh_is_the_hardware_instruction()
    {
        // W1's kernel must use the one-instruction tanh.approx.f32 (about 2^-11 relative error, documented), not a
        // software routine. Fused multiply-adds: ILGPU 1.5.3 has no portable FMA intrinsic (MathF.FusedMultiplyAdd
        // becomes an unresolved .extern call in PTX; LibDevice needs the CUDA toolkit), so the mat-vec stays mul + add.
        var ptx = KernelSpecialisations.CompilePtx(Find("rk4<Real32, TanhRnnModel>"));
        Assert.True(Count(ptx, "tanh.approx.f32") > 0, "no tanh.approx.f32 in the float32 TanhRnn kernel");
    }

    private static int Count(string text, string token)
    {
        int count = 0;
        for (int at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + token.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    [Fact]
    public void Lists_every_model_and_both_precisions()
    {
        var names = KernelSpecialisations.All().Select(s => s.Name).ToList();
        // Per precision: rk4 (4 hand-written flows, Lorenz written once, the user-model Rössler), the tableau kernel rk
        // (4 + Lorenz), map (TanhOfLinear, Hénon), jvp (4 + Lorenz + Hénon), lyapunov-rk (4 hand-written tangents,
        // Lorenz's dual tangent and Rössler's; classic RK4 too), lyapunov-map (2 + Hénon's dual tangent),
        // adjoint-forward and adjoint-backward (4 hand-written, Lorenz and Hénon with parameter derivatives, Rössler's
        // dual adjoint, each); plus the float64 binary recall kernel.
        Assert.Equal(2 * (6 + 5 + 2 + 6 + 6 + 3 + 14) + 1, names.Count);
        Assert.Contains("binary-recall<Real64, HiddenOrVisible>", names);
        Assert.Contains("adjoint-backward<Real32, TanhRnnModel>", names);
        Assert.Contains("adjoint-forward<Real64, DualDerivatives(RosslerField)>", names);
        Assert.Contains("adjoint-backward<Real32, ParameterisedDerivatives(LorenzField)>", names);
        Assert.Contains("lyapunov-rk<Real32, TanhRnnModel>", names);
        Assert.Contains("lyapunov-rk<Real64, ParameterisedDerivatives(LorenzField)>", names);
        Assert.Contains("lyapunov-map<Real64, ParameterisedDerivatives(HenonField)>", names);
        Assert.Contains("rk4<Real32, TanhRnnModel>", names);
        Assert.Contains("rk<Real64, ParameterisedDerivatives(LorenzField)>", names);
        Assert.Contains("map<Real64, ParameterisedDerivatives(HenonField)>", names);
    }
}
