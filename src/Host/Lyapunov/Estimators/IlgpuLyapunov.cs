using FastAttractors.Backends;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Lyapunov.Ilgpu;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The Benettin QR method on an ILGPU accelerator (Cuda, OpenCL or the CPU accelerator), thread per member: per chunk
/// of members, state, tangent frame and work go to the device as member-fastest SoA, the Lyapunov kernel runs the QR
/// intervals in launches of bounded length, and the float64 block sums, contraction integrals and statuses come
/// back. Every per-member quantity depends on the member alone, so results do not depend on the chunking.
/// </summary>
/// <param name="device">The engine's device, which owns the accelerator and the kernel cache.</param>
internal sealed class IlgpuLyapunov(IlgpuDevice device) : IlgpuEstimator(device), ILyapunovEstimator
{
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
        // Every flow method, classic RK4 included, goes through LyapunovRkKernel; maps need no tableau.
        using var tableau = plan.IsMap ? null : new IlgpuTangentTableau<T>(Accelerator, plan.Tableau, plan.Dt);
        int chunk = LyapunovChunks.Size(plan, shape, elementSize, Accelerator.MemorySize, tableau?.Stages ?? 1);
        DeviceChunks.Run<T>(Accelerator, plan.Binding, plan.Members, chunk,
            (first, count) => new LyapunovChunkRunner<T>(Kernels, plan, acc, offsets, tableau, first, count));
        return SpectrumDiagnostics.Finish(acc, Backend, plan.Precision);
    }
}
