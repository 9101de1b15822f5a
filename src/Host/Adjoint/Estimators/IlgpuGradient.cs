using FastAttractors.Adjoint.Ilgpu;
using FastAttractors.Backends;
using FastAttractors.Kernels.Numerics;
using ILGPU.Runtime;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// The discrete adjoint on an ILGPU accelerator (Cuda, OpenCL or the CPU accelerator), thread per member: per chunk
/// of members, checkpoints, one recomputed segment and the adjoint live on the device as member-fastest SoA; the
/// loss is evaluated on the host at its steps only. Every per-member quantity depends on the member alone, so results
/// do not depend on the chunking. Parameter cotangents accumulate in float64 whatever the precision.
/// </summary>
internal sealed class IlgpuGradient : IGradientEstimator
{
    private readonly KernelCache cache;

    /// <param name="device">The engine's device, which owns the accelerator and the kernel cache.</param>
    public IlgpuGradient(IlgpuDevice device)
    {
        Backend = device.Backend;
        cache = device.Kernels;
    }

    public Backend Backend { get; }

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
        var accelerator = cache.Accelerator;
        int chunk = GradientChunks.Size(plan, shape, lossSlots, elementSize, accelerator.MemorySize);
        for (int first = 0; first < plan.Members; first += chunk)
        {
            int count = Math.Min(chunk, plan.Members - first);
            var buffers = new List<MemoryBuffer>();
            try
            {
                var views = plan.Binding.DeviceParameters.Select(b => ParameterUpload.Upload<T>(accelerator, b, first, count, buffers)).ToArray();
                plan.Binding.BindKernel(views, new GradientChunkRunner<T>(cache, plan, result, shape, lossSlots, first, count));
            }
            finally
            {
                foreach (var buffer in buffers)
                    buffer.Dispose();
            }
        }
        return result;
    }

    public void Dispose()
    {
    }
}
