using FastAttractors.Adjoint.Ilgpu;
using FastAttractors.Backends;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// The discrete adjoint on an ILGPU accelerator (Cuda, OpenCL or the CPU accelerator), thread per member: per chunk
/// of members, checkpoints, one recomputed segment and the adjoint live on the device as member-fastest SoA; the
/// loss is evaluated on the host at its steps only. Every per-member quantity depends on the member alone, so results
/// do not depend on the chunking. Parameter cotangents accumulate in float64 whatever the precision.
/// </summary>
/// <param name="device">The engine's device, which owns the accelerator and the kernel cache.</param>
internal sealed class IlgpuGradient(IlgpuDevice device) : IlgpuEstimator(device), IGradientEstimator
{
    public EnsembleGradients Gradient(GradientPlan plan)
    {
        MethodSupport.Require(plan.Solver, Backend, SolverCapability.Gradient);
        return plan.Precision == Precision.Float32
            ? Gradient<Real32>(plan, sizeof(float))
            : Gradient<Real64>(plan, sizeof(double));
    }

    private EnsembleGradients Gradient<T>(GradientPlan plan, int elementSize) where T : unmanaged, IReal<T>, ILift<T, T>
    {
        var result = new EnsembleGradients(plan.N, plan.Members, plan.Steps, plan.CheckpointInterval, plan.Binding.GradientParameters,
            plan.NormEvery, plan.Dt, Backend, plan.Precision);
        var shape = AdjointShape.Of<T>(plan.Binding);
        int lossSlots = GradientChunks.LossSlots(plan);
        int chunk = GradientChunks.Size(plan, shape, lossSlots, elementSize, Accelerator.MemorySize);
        DeviceChunks.Run<T>(Accelerator, plan.Binding, plan.Members, chunk,
            (first, count) => new GradientChunkRunner<T>(Kernels, plan, result, shape, lossSlots, first, count));
        return result;
    }
}
