using ILGPU.Runtime;

namespace FastAttractors.Backends;

/// <summary>
/// An engine's ILGPU device: the accelerator and the one <see cref="KernelCache"/> every capability (integrate,
/// Lyapunov, gradients, binary networks) loads its kernels from, so a kernel compiles once per engine and no
/// capability has to reach into another for the accelerator. The engine owns it and disposes it after the capabilities.
/// </summary>
internal sealed class IlgpuDevice : IDisposable
{
    /// <summary>A new accelerator on the first device of <paramref name="backend"/>.</summary>
    public IlgpuDevice(Backend backend)
        : this(backend, (IlgpuRuntime.DeviceFor(backend)
            ?? throw new InvalidOperationException($"backend {backend}: no such device on this machine (see 'fastattractors devices')."))
            .CreateAccelerator(IlgpuRuntime.Context))
    {
    }

    /// <summary>An existing accelerator (tests share one between several estimators); disposing this disposes it.</summary>
    public IlgpuDevice(Backend backend, Accelerator accelerator)
    {
        Backend = backend;
        Kernels = new KernelCache(accelerator);
    }

    public Backend Backend { get; }

    public KernelCache Kernels { get; }

    public Accelerator Accelerator => Kernels.Accelerator;

    public void Dispose() => Accelerator.Dispose();
}
