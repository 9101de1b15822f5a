using System.Reflection;
using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Adjoint.Models;
using FastAttractors.Kernels.Binary;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Lyapunov.Tangents;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace FastAttractors.Backends;

/// <summary>
/// Every kernel specialisation the engine can launch, and ahead-of-time compilation of each to PTX (sm_90) and
/// OpenCL C without a device: CI has no GPU, yet proves the GPU kernels compile.
/// </summary>
internal static class KernelSpecialisations
{
    public sealed record Specialisation(string Name, MethodInfo Kernel);

    private static readonly Type[] FlowModels =
        [typeof(TanhRnnModel<>), typeof(ReluRnnModel<>), typeof(TanhOfLinearModel<>), typeof(LinearModel<>), typeof(LorenzModel<>)];

    private static readonly Type[] MapModels = [typeof(TanhOfLinearModel<>), typeof(HenonModel<>)];

    private static readonly Type[] FlowTangents =
        [typeof(TanhRnnTangent<>), typeof(ReluRnnTangent<>), typeof(TanhOfLinearTangent<>), typeof(LinearTangent<>), typeof(LorenzTangent<>)];

    private static readonly Type[] MapTangents = [typeof(TanhOfLinearTangent<>), typeof(LinearTangent<>), typeof(HenonTangent<>)];

    /// <summary>One kernel serves flows and maps (a launch flag), so each adjoint functor appears once.</summary>
    private static readonly Type[] Adjoints =
        [typeof(TanhRnnAdjoint<>), typeof(ReluRnnAdjoint<>), typeof(TanhOfLinearAdjoint<>), typeof(LinearAdjoint<>), typeof(LorenzAdjoint<>), typeof(HenonAdjoint<>)];

    public static IReadOnlyList<Specialisation> All()
    {
        var list = new List<Specialisation>();
        foreach (var real in new[] { typeof(Real32), typeof(Real64) })
        {
            foreach (var model in FlowModels)
            {
                list.Add(Make("rk4", typeof(Rk4Kernel), real, model));
                list.Add(Make("rk", typeof(RkKernel), real, model));
            }
            foreach (var model in MapModels)
                list.Add(Make("map", typeof(MapKernel), real, model));
            foreach (var model in FlowModels.Concat(MapModels).Distinct())
                list.Add(Make("jvp", typeof(JvpKernel), real, model));
            foreach (var tangent in FlowTangents)
            {
                list.Add(Make("lyapunov-flow", typeof(LyapunovFlowKernel), real, tangent));
                list.Add(Make("lyapunov-rk", typeof(LyapunovRkKernel), real, tangent));
            }
            foreach (var tangent in MapTangents)
                list.Add(Make("lyapunov-map", typeof(LyapunovMapKernel), real, tangent));
            // User models: dual-number tangents around a model that supplies only f (flow: trace; map: LU).
            list.Add(Make("lyapunov-flow", typeof(LyapunovFlowKernel), real, DualOf(real, typeof(LorenzModel<>)), "DualTangent(LorenzModel)"));
            list.Add(Make("lyapunov-rk", typeof(LyapunovRkKernel), real, DualOf(real, typeof(LorenzModel<>)), "DualTangent(LorenzModel)"));
            list.Add(Make("lyapunov-map", typeof(LyapunovMapKernel), real, DualOf(real, typeof(HenonModel<>)), "DualTangent(HenonModel)"));
            foreach (var adjoint in Adjoints)
            {
                list.Add(Make("adjoint-forward", typeof(AdjointForwardKernel), real, adjoint));
                list.Add(Make("adjoint-backward", typeof(AdjointBackwardKernel), real, adjoint));
            }
            // User models: Jᵀ a from dual-number products around a model that supplies only f.
            var dualAdjoint = typeof(DualAdjoint<,>).MakeGenericType(real, typeof(LorenzModel<>).MakeGenericType(real));
            list.Add(Make("adjoint-forward", typeof(AdjointForwardKernel), real, dualAdjoint, "DualAdjoint(LorenzModel)"));
            list.Add(Make("adjoint-backward", typeof(AdjointBackwardKernel), real, dualAdjoint, "DualAdjoint(LorenzModel)"));
        }
        // Binary sequence networks: float64 only, one kernel for hidden and visible perceptron variants (a launch flag).
        list.Add(new Specialisation("binary-recall<Real64, HiddenOrVisible>", typeof(BinaryRecallKernel).GetMethod(nameof(BinaryRecallKernel.Run))!));
        return list;
    }

    /// <summary>PTX for compute capability 9.0 (H100); throws if ILGPU cannot compile the kernel.</summary>
    public static string CompilePtx(Specialisation s)
    {
        using var backend = new PTXBackend(IlgpuRuntime.Context, new CudaCapabilityContext(CudaArchitecture.SM_90),
            CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, null);
        return ((PTXCompiledKernel)Compile(backend, s)).PTXAssembly;
    }

    /// <summary>OpenCL C 2.0 source with float64 support, as ILGPU would hand it to an OpenCL driver.</summary>
    public static string CompileOpenCl(Specialisation s)
    {
        using var backend = new CLBackend(IlgpuRuntime.Context, new CLCapabilityContext(true, true, true, true, true),
            CLDeviceVendor.Other, new CLCVersion(2, 0));
        return ((CLCompiledKernel)Compile(backend, s)).Source;
    }

    private static CompiledKernel Compile(ILGPU.Backends.Backend backend, Specialisation s) =>
        backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(s.Kernel), new KernelSpecialization());

    private static Specialisation Make(string kind, Type kernel, Type real, Type model) =>
        Make(kind, kernel, real, model.MakeGenericType(real), model.Name.Split('`')[0]);

    private static Specialisation Make(string kind, Type kernel, Type real, Type closedModel, string modelName)
    {
        var method = kernel.GetMethod("Run")!.MakeGenericMethod(real, closedModel);
        return new Specialisation($"{kind}<{real.Name}, {modelName}>", method);
    }

    private static Type DualOf(Type real, Type model) => typeof(DualTangent<,>).MakeGenericType(real, model.MakeGenericType(real));
}
