using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace FastAttractors.Backends;

/// <summary>
/// Compiles one kernel entry point to PTX (sm_90) or OpenCL C without a device, so CI (no GPU) proves the GPU
/// kernels compile. Both kernel lists (<see cref="KernelSpecialisations"/> and the binary kernels) use these, so the
/// targets they are checked against are the same.
/// </summary>
internal static class AheadOfTimeCompiler
{
    /// <summary>PTX for compute capability 9.0 (H100); throws if ILGPU cannot compile the kernel.</summary>
    public static string Ptx(EntryPointDescription entry)
    {
        using var backend = new PTXBackend(IlgpuRuntime.Context, new CudaCapabilityContext(CudaArchitecture.SM_90),
            CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, null);
        return ((PTXCompiledKernel)Compile(backend, entry)).PTXAssembly;
    }

    /// <summary>OpenCL C 2.0 source with float64 support, as ILGPU would hand it to an OpenCL driver.</summary>
    public static string OpenCl(EntryPointDescription entry)
    {
        using var backend = new CLBackend(IlgpuRuntime.Context, new CLCapabilityContext(true, true, true, true, true),
            CLDeviceVendor.Other, new CLCVersion(2, 0));
        return ((CLCompiledKernel)Compile(backend, entry)).Source;
    }

    private static CompiledKernel Compile(ILGPU.Backends.Backend backend, EntryPointDescription entry) =>
        backend.Compile(entry, new KernelSpecialization());
}
