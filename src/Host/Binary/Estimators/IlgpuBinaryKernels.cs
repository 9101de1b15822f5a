using FastAttractors.Kernels.Binary;
using FastAttractors.Kernels.Numerics;
using ILGPU.Runtime;
using ILGPU;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The binary training kernel and the float32 recall kernel, loaded once per accelerator on first use (STYLE 2); the
/// float64 recall kernel lives in the engine-wide KernelCache.
/// </summary>
/// <param name="groupSize">Threads per training group (1 … 1024), or null for <see cref="DefaultGroupSize"/>; tests vary it.</param>
internal sealed class IlgpuBinaryKernels(Accelerator accelerator, int? groupSize = null)
{
    private readonly Lazy<Action<KernelConfig, BinaryTrainingShape, BinaryTrainingBuffers>> training = new(
        () => accelerator.LoadStreamKernel<BinaryTrainingShape, BinaryTrainingBuffers>(BinaryTrainingKernel.Run));

    private readonly Lazy<Action<Index1D, BinaryRecallShape, BinaryRecallStates, RecallStep<Real32>>> recallFloat32 = new(
        () => accelerator.LoadAutoGroupedStreamKernel<Index1D, BinaryRecallShape, BinaryRecallStates, RecallStep<Real32>>(BinaryRecallKernel.RunFloat32));

    public Action<KernelConfig, BinaryTrainingShape, BinaryTrainingBuffers> Training => training.Value;

    public Action<Index1D, BinaryRecallShape, BinaryRecallStates, RecallStep<Real32>> RecallFloat32 => recallFloat32.Value;

    /// <summary>
    /// Threads per training group, unless the constructor fixed it: up to 256 on a GPU (a network's rows and weight
    /// elements are split among them), a whole number of warps within the device's limit; one warp (4 threads) on the
    /// CPU accelerator, which emulates group threads and pays for every barrier (4 threads train ~7× faster there than
    /// 16 and still split every phase across threads).
    /// </summary>
    public int TrainingGroupSize { get; } = groupSize ?? DefaultGroupSize(accelerator);

    private static int DefaultGroupSize(Accelerator accelerator)
    {
        int warp = Math.Max(1, accelerator.WarpSize);
        if (accelerator.AcceleratorType == AcceleratorType.CPU)
            return Math.Min(warp, accelerator.MaxNumThreadsPerGroup);
        int limit = Math.Min(Math.Min(256, BinaryTrainingKernel.MaxGroupSize), accelerator.MaxNumThreadsPerGroup);
        return Math.Max(1, limit / warp * warp);
    }
}
