using FastAttractors.Backends;
using FastAttractors.Kernels.Binary;
using ILGPU.Runtime;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// Binary sequence networks on an ILGPU accelerator (Cuda, OpenCL or the CPU accelerator). HiddenUV, HiddenVOnly and
/// visible perceptron networks train with <see cref="BinaryTrainingKernel"/> (one network per group, float64 in the
/// Reference's summation order: weights, epochs, gate fractions and margins equal the Reference's wherever the device
/// rounds IEEE float64 without contraction, always on the dyadic grid) and recall with <see cref="BinaryRecallKernel"/>,
/// one thread per (network, trial), in float64 or, by <see cref="RecallOptions.Precision"/>, float32. Hebbian and Long
/// Sequence Hopfield are one-shot stores with no learning loop: they are stored and recalled on <see cref="SimdBinary"/>
/// and their results say Backend.Simd.
/// </summary>
internal sealed partial class IlgpuBinary : IBinaryEstimator
{
    private readonly KernelCache cache;
    private readonly IlgpuBinaryKernels kernels;
    private readonly SimdBinary cpu = new();

    /// <param name="device">The engine's device, which owns the accelerator and the kernel cache.</param>
    /// <param name="trainingGroupSize">Threads per training group; null picks the device's default (tests vary it).</param>
    public IlgpuBinary(IlgpuDevice device, int? trainingGroupSize = null)
    {
        if (trainingGroupSize is < 1 or > BinaryTrainingKernel.MaxGroupSize)
            throw new ArgumentOutOfRangeException(nameof(trainingGroupSize), trainingGroupSize,
                $"trainingGroupSize must be between 1 and {BinaryTrainingKernel.MaxGroupSize}, got {trainingGroupSize}.");
        Backend = device.Backend;
        cache = device.Kernels;
        kernels = new IlgpuBinaryKernels(device.Accelerator, trainingGroupSize);
    }

    public Backend Backend { get; }

    private static bool HasKernel(NetworkVariant variant) =>
        variant is NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly or NetworkVariant.VisiblePerceptron;

    /// <summary>ILGPU allocations of length 0 are avoided: an unused buffer uploads as one zero.</summary>
    private static T[] NonEmpty<T>(T[] values) where T : unmanaged => values.Length > 0 ? values : [default];
}
