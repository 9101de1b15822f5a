using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace FastAttractors.Backends;

/// <summary>
/// The one ILGPU <see cref="Context"/> of the process, created on first use with the Cuda, OpenCL and
/// CPU device lists. Creating it on a machine without CUDA or OpenCL drivers simply finds no such devices.
/// </summary>
internal static class IlgpuRuntime
{
    private static readonly Lazy<Context> SharedContext = new(
        () => Context.Create(builder => builder.Cuda().OpenCL().CPU().Optimize(OptimizationLevel.O2).EnableAlgorithms()),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static Context Context => SharedContext.Value;

    public static IReadOnlyList<CudaDevice> CudaDevices => Context.Devices.OfType<CudaDevice>().ToList();

    /// <summary>OpenCL devices ILGPU can compile for (it needs OpenCL C ≥ 2.0 and generic address spaces).</summary>
    public static IReadOnlyList<CLDevice> OpenClDevices => Context.Devices.OfType<CLDevice>().ToList();

    public static CPUDevice CpuDevice => Context.Devices.OfType<CPUDevice>().First();

    public static Device? DeviceFor(Backend backend) => backend switch
    {
        Backend.Cuda => CudaDevices.FirstOrDefault(),
        Backend.OpenCL => OpenClDevices.FirstOrDefault(d => d.Capabilities is not null),
        Backend.IlgpuCpu => CpuDevice,
        _ => null,
    };
}
