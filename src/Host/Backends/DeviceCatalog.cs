using System.Numerics;
using FastAttractors.Backends;

namespace FastAttractors;

/// <summary>Lists what is present and decides the default backend: Cuda > OpenCL > Simd.</summary>
public static class DeviceCatalog
{
    /// <summary>Every device or CPU path present on this machine.</summary>
    public static IReadOnlyList<DeviceInfo> List()
    {
        var devices = new List<DeviceInfo>();
        foreach (var cuda in IlgpuRuntime.CudaDevices)
            devices.Add(new DeviceInfo(Backend.Cuda, cuda.Name, cuda.MemorySize,
                $"compute capability {cuda.Architecture}", true));
        foreach (var cl in IlgpuRuntime.OpenClDevices)
            devices.Add(new DeviceInfo(Backend.OpenCL, cl.Name, cl.MemorySize, $"OpenCL C {cl.CVersion}", true));
        var cpu = CpuName();
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var simdWidth = $"{Vector<float>.Count}×float32 / {Vector<double>.Count}×float64 lanes ({Vector<byte>.Count * 8}-bit), {Environment.ProcessorCount} threads";
        devices.Add(new DeviceInfo(Backend.Simd, cpu, memory, simdWidth, true));
        devices.Add(new DeviceInfo(Backend.IlgpuCpu, $"ILGPU CPU accelerator on {cpu}", memory,
            $"{IlgpuRuntime.CpuDevice.WarpSize}-wide emulated warps", true));
        devices.Add(new DeviceInfo(Backend.Reference, cpu, memory, "scalar float64", true));
        return devices;
    }

    /// <summary>The backend an engine gets when none is named: the environment override, else Cuda > OpenCL > Simd.</summary>
    public static Backend DefaultBackend()
    {
        if (BackendNames.FromEnvironment() is { } fromEnvironment)
            return fromEnvironment;
        if (IlgpuRuntime.DeviceFor(Backend.Cuda) is not null)
            return Backend.Cuda;
        if (IlgpuRuntime.DeviceFor(Backend.OpenCL) is not null)
            return Backend.OpenCL;
        return Backend.Simd;
    }

    /// <summary>True when <paramref name="backend"/> can run here.</summary>
    public static bool IsAvailable(Backend backend) => backend switch
    {
        Backend.Cuda or Backend.OpenCL => IlgpuRuntime.DeviceFor(backend) is not null,
        _ => true,
    };

    private static string CpuName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
                return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} CPU";
    }
}
