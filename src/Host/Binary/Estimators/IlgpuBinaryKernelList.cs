using System.Reflection;
using FastAttractors.Backends;
using FastAttractors.Kernels.Binary;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The binary-network kernels added beside the float64 recall kernel (which KernelSpecialisations lists), with
/// ahead-of-time compilation to PTX (sm_90) and OpenCL C without a device, as KernelSpecialisations does for the
/// implicitly grouped kernels; the training kernel is explicitly grouped (one group per network) and compiles as such.
/// </summary>
internal static class IlgpuBinaryKernelList
{
    public sealed record Specialisation(string Name, MethodInfo Kernel, bool ExplicitlyGrouped);

    public static IReadOnlyList<Specialisation> All() =>
    [
        new("binary-train<Real64, HiddenOrVisible>", typeof(BinaryTrainingKernel).GetMethod(nameof(BinaryTrainingKernel.Run))!, true),
        new("binary-recall<Real32, HiddenOrVisible>", typeof(BinaryRecallKernel).GetMethod(nameof(BinaryRecallKernel.RunFloat32))!, false),
    ];

    public static string CompilePtx(Specialisation s)
    {
        using var backend = new PTXBackend(IlgpuRuntime.Context, new CudaCapabilityContext(CudaArchitecture.SM_90),
            CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, null);
        return ((PTXCompiledKernel)Compile(backend, s)).PTXAssembly;
    }

    public static string CompileOpenCl(Specialisation s)
    {
        using var backend = new CLBackend(IlgpuRuntime.Context, new CLCapabilityContext(true, true, true, true, true),
            CLDeviceVendor.Other, new CLCVersion(2, 0));
        return ((CLCompiledKernel)Compile(backend, s)).Source;
    }

    private static CompiledKernel Compile(ILGPU.Backends.Backend backend, Specialisation s) =>
        backend.Compile(s.ExplicitlyGrouped
            ? EntryPointDescription.FromExplicitlyGroupedKernel(s.Kernel)
            : EntryPointDescription.FromImplicitlyGroupedKernel(s.Kernel), new KernelSpecialization());
}
