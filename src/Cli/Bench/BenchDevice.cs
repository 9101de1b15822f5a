using FastAttractors.Backends;
using FastAttractors.Bench;

namespace FastAttractors.Cli.Bench;

/// <summary>What a backend runs on here: the device's name, its driver or instruction-set version, and its peak.</summary>
internal sealed record BenchDevice(Backend Backend, string Name, string Version, DevicePeak Peak)
{
    /// <summary>The device of <paramref name="backend"/> on this machine (the CPU for the CPU paths), or null when none is present.</summary>
    public static BenchDevice? Of(Backend backend, Lazy<MachinePeak> cpu)
    {
        switch (backend)
        {
            case Backend.Cuda:
                var cuda = IlgpuRuntime.CudaDevices.FirstOrDefault();
                if (cuda is null)
                    return null;
                var arch = cuda.Architecture;
                var peak = arch is { } a ? DevicePeak.Gpu(cuda.Name, cuda.NumMultiprocessors, cuda.ClockRate, a.Major, a.Minor)
                    : DevicePeak.Unknown($"GPU {cuda.Name}: ILGPU reports no compute capability; peak unknown");
                return new(backend, cuda.Name, $"CUDA driver {cuda.DriverVersion}, compute capability {arch}", peak);
            case Backend.OpenCL:
                var cl = IlgpuRuntime.OpenClDevices.FirstOrDefault(d => d.Capabilities is not null);
                return cl is null ? null : new(backend, cl.Name, $"{cl.DeviceVersion}, OpenCL C {cl.CVersion}",
                    DevicePeak.Unknown($"OpenCL {cl.Name}: ILGPU reports {cl.NumMultiprocessors} compute units at {cl.ClockRate} MHz but not the FP32 lanes per unit; peak not computed"));
            default:
                var m = cpu.Value;
                string path = backend switch
                {
                    Backend.Simd => $"Vector<float> = {System.Numerics.Vector<float>.Count} lanes",
                    Backend.IlgpuCpu => "ILGPU CPU accelerator (emulated warps)",
                    _ => "scalar float64",
                };
                return new(backend, m.CpuModel, $"{path}; {Environment.ProcessorCount} threads", DevicePeak.Cpu(m));
        }
    }
}
