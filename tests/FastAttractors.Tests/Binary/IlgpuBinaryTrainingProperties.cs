using FastAttractors.Backends;
using FastAttractors.Binary;
using FastAttractors.Binary.Estimators;
using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ILGPU.Runtime;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The ILGPU training kernel (on the CPU accelerator) against the Reference over the shared random dyadic settings of
/// <see cref="FastBinaryProperties"/>, shrunk to sizes the CPU accelerator trains quickly, with 1 to 4 threads per group
/// (sizes that do and do not divide the rows, so every split and barrier is exercised). On the dyadic grid every
/// float64 sum is exact, so the tolerance is 0: every weight, bias, epoch count, convergence flag, per-epoch gate
/// fraction and min normalised margin must be identical.
/// </summary>
public class IlgpuBinaryTrainingProperties
{
    private static readonly NetworkVariant[] Kernelled = [NetworkVariant.HiddenUV, NetworkVariant.HiddenVOnly, NetworkVariant.VisiblePerceptron];

    /// <summary>A CPU accelerator of the tests' own, shared by the estimators below (one per group size).</summary>
    private static readonly Lazy<Accelerator> Cpu = new(() => IlgpuRuntime.CpuDevice.CreateAccelerator(IlgpuRuntime.Context));

    private static readonly IlgpuBinary[] ByGroupSize = [.. Enumerable.Range(1, 4).Select(g => new IlgpuBinary(new IlgpuDevice(Backend.IlgpuCpu, Cpu.Value), g))];

    public static class Arbs
    {
        /// <summary>The shared generator, restricted to the kernel's variants and small shapes (the CPU accelerator is slow).</summary>
        public static Arbitrary<FastBinaryProperties.Case> Cases() => FastBinaryProperties.Arbs.Cases().Generator
            .Select(c => c with
            {
                B = Math.Min(c.B, 2), N = 4 + c.N % 9, T = 2 + c.T % 5, M = 1 + c.M % 12, Epochs = 1 + c.Epochs % 12,
                Variant = Kernelled[(int)c.Variant % Kernelled.Length],
            }).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 30)]
    public void IlgpuCpu_training_equals_Reference_bit_for_bit_on_the_dyadic_grid(FastBinaryProperties.Case c)
    {
        var plan = TrainingPlan.Create(c.Sequences(), c.Options());
        var reference = BinaryCases.Reference.TrainSequences(c.Sequences(), c.Options());
        var kernel = ByGroupSize[(int)(c.Seed % 4)].Train(plan);
        Assert.Equal(Backend.IlgpuCpu, kernel.Backend);
        BinaryAssert.SameTraining(reference, kernel);
    }

    [Fact]
    public void Engine_trains_on_the_kernel_and_says_so_and_one_shot_stores_stay_on_Simd()
    {
        var sequences = BinaryCases.Random(2, 5, 12, seed: 4);
        var gpu = EngineCache.Get(Backend.IlgpuCpu);
        var options = new TrainingOptions { Hidden = 16, Eta = 1.0 / 16, Kappa = 1, MaxEpochs = 40, Schedule = TrainingSchedule.Online };
        var trained = gpu.TrainSequences(sequences, options);
        Assert.Equal(Backend.IlgpuCpu, trained.Backend);
        BinaryAssert.SameTraining(BinaryCases.Reference.TrainSequences(sequences, options), trained);
        Assert.True(trained.Converged.All(c => c), "the small case converges within 40 epochs, so convergence detection is exercised");
        Assert.Equal(Backend.Simd, gpu.TrainSequences(sequences, new TrainingOptions { Variant = NetworkVariant.Hebbian }).Backend);
    }

    [Fact]
    public void Group_size_outside_1_to_1024_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IlgpuBinary(new IlgpuDevice(Backend.IlgpuCpu, Cpu.Value), 0));
        Assert.Equal("trainingGroupSize", e.ParamName);
    }
}
