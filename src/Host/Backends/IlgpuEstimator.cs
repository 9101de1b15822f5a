using ILGPU.Runtime;

namespace FastAttractors.Backends;

/// <summary>
/// What every ILGPU estimator (integration, Lyapunov spectra, gradients) holds: the engine's device, whose backend name,
/// accelerator and kernel cache it uses but does not own.
/// </summary>
/// <param name="device">The engine's device, which owns the accelerator and the kernel cache.</param>
internal abstract class IlgpuEstimator(IlgpuDevice device) : IDisposable
{
    public Backend Backend { get; } = device.Backend;

    /// <summary>The engine's kernel cache: each specialisation loads once per engine.</summary>
    protected KernelCache Kernels { get; } = device.Kernels;

    public Accelerator Accelerator => Kernels.Accelerator;

    /// <summary>Nothing to free: the accelerator belongs to the engine's <see cref="IlgpuDevice"/>.</summary>
    public void Dispose()
    {
    }
}
