using FastAttractors.Backends;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Lyapunov.Ilgpu;
using ILGPU.Runtime;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The Benettin QR method on an ILGPU accelerator (Cuda, OpenCL or the CPU accelerator), thread per member: per chunk
/// of members, state, tangent frame and work go to the device as member-fastest SoA, the Lyapunov kernel runs the QR
/// intervals in launches of bounded length, and the float64 block sums, contraction integrals and statuses come
/// back. Every per-member quantity depends on the member alone, so results do not depend on the chunking.
/// </summary>
internal sealed class IlgpuLyapunov : ILyapunovEstimator
{
    private readonly KernelCache cache;

    /// <param name="device">The engine's device, which owns the accelerator and the kernel cache.</param>
    public IlgpuLyapunov(IlgpuDevice device)
    {
        Backend = device.Backend;
        cache = device.Kernels;
    }

    public Backend Backend { get; }

    /// <summary>False sends classic RK4 flows through the tableau kernel too (tests compare the two; benchmarks time them).</summary>
    internal bool UnrolledRk4 { get; init; } = true;

    public LyapunovSpectra Estimate(LyapunovPlan plan)
    {
        MethodSupport.Require(plan.Solver, Backend, SolverCapability.Lyapunov);
        return plan.Precision == Precision.Float32
            ? Estimate<Real32>(plan, sizeof(float))
            : Estimate<Real64>(plan, sizeof(double));
    }

    private LyapunovSpectra Estimate<T>(LyapunovPlan plan, int elementSize) where T : unmanaged, IReal<T>, ILift<T, T>
    {
        var acc = new SpectrumAccumulators(plan);
        var shape = TangentShape.Of<T>(plan.Binding);
        var offsets = MapContractionOffsets.Compute(plan);
        var accelerator = cache.Accelerator;
        // Classic RK4 keeps its unrolled kernel (see LyapunovFlowKernel); any other tableau goes through LyapunovRkKernel.
        using var tableau = plan.IsMap || (UnrolledRk4 && plan.Tableau.HasCoefficientsOf(Methods.ClassicRk4))
            ? null
            : new IlgpuTangentTableau<T>(accelerator, plan.Tableau, plan.Dt);
        int chunk = LyapunovChunks.Size(plan, shape, elementSize, accelerator.MemorySize, tableau?.Stages);
        for (int first = 0; first < plan.Members; first += chunk)
        {
            int count = Math.Min(chunk, plan.Members - first);
            var buffers = new List<MemoryBuffer>();
            try
            {
                var views = plan.Binding.DeviceParameters.Select(b => ParameterUpload.Upload<T>(accelerator, b, first, count, buffers)).ToArray();
                plan.Binding.BindKernel(views, new LyapunovChunkRunner<T>(cache, plan, acc, offsets, tableau, first, count));
            }
            finally
            {
                foreach (var buffer in buffers)
                    buffer.Dispose();
            }
        }
        return SpectrumDiagnostics.Finish(acc, Backend, plan.Precision);
    }

    public void Dispose()
    {
    }
}
