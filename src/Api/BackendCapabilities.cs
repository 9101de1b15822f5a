using FastAttractors.Adjoint.Estimators;
using FastAttractors.Backends;
using FastAttractors.Binary.Estimators;
using FastAttractors.Lyapunov.Estimators;
using FastAttractors.Ode.Integrators;

namespace FastAttractors;

/// <summary>
/// What an engine can do on one backend, chosen in one place: every capability of a backend is built together, and
/// the ILGPU ones share one device (its accelerator and its kernel cache), which this object owns and disposes last.
/// Adding a capability is one property and one constructor argument per backend family here.
/// </summary>
internal sealed class BackendCapabilities : IDisposable
{
    private BackendCapabilities(IEnsembleIntegrator integrator, ILyapunovEstimator lyapunov, IGradientEstimator gradients,
        IBinaryEstimator binary, IlgpuDevice? device = null)
    {
        Integrator = integrator;
        Lyapunov = lyapunov;
        Gradients = gradients;
        Binary = binary;
        Device = device;
    }

    public IEnsembleIntegrator Integrator { get; }
    public ILyapunovEstimator Lyapunov { get; }
    public IGradientEstimator Gradients { get; }

    /// <summary>
    /// Binary networks. On ILGPU backends the U+V, V-only and perceptron networks run on the binary kernels; the
    /// one-shot stores (Hebbian, Long Sequence Hopfield) run on the Simd CPU path and say Backend.Simd, so nobody
    /// mistakes them for GPU figures.
    /// </summary>
    public IBinaryEstimator Binary { get; }

    /// <summary>The ILGPU device the capabilities share; null on the CPU backends.</summary>
    public IlgpuDevice? Device { get; }

    public static BackendCapabilities For(Backend backend) => backend switch
    {
        Backend.Reference => new(new ReferenceIntegrator(), new ReferenceLyapunov(), new ReferenceGradient(), new ReferenceBinary()),
        Backend.Simd => new(new SimdIntegrator(), new SimdLyapunov(), new SimdGradient(), new SimdBinary()),
        _ => OnDevice(new IlgpuDevice(backend)),
    };

    private static BackendCapabilities OnDevice(IlgpuDevice device) =>
        new(new IlgpuIntegrator(device), new IlgpuLyapunov(device), new IlgpuGradient(device), new IlgpuBinary(device), device);

    public void Dispose()
    {
        Integrator.Dispose();
        Lyapunov.Dispose();
        Gradients.Dispose();
        Device?.Dispose();
    }
}
