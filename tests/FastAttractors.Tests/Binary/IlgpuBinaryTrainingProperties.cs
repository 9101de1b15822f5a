using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The ILGPU training kernel (on the CPU accelerator) against the Reference over the shared random dyadic settings of
/// <see cref="FastBinaryProperties"/>, shrunk to sizes the CPU accelerator trains quickly. On the dyadic grid every float64
/// sum is exact, so the tolerance is 0: every weight, bias, epoch count, convergence flag, per-epoch gate fraction and
/// min normalised margin must be identical.
/// </summary>
public class IlgpuBinaryTrainingProperties
{
    public static class Arbs
    {
        /// <summary>The shared generator, restricted to the kernel's variants and small shapes.</summary>
        public static Arbitrary<FastBinaryProperties.Case> Cases() => FastBinaryProperties.Arbs.Cases().Generator
            .Select(c => c with
            {
                B = Math.Min(c.B, 2), N = 4 + c.N % 9, T = 2 + c.T % 5, M = 1 + c.M % 12, Epochs = 1 + c.Epochs % 12,
                Variant = Kernelled[(int)c.Variant % Kernelled.Length],
            }).ToArbitrary();
    }

    private static readonly NetworkVariant[] Kernelled = [NetworkVariant.HiddenUV, NetworkVariant.HiddenVOnly, NetworkVariant.VisiblePerceptron];

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 25)]
    public void IlgpuCpu_training_equals_Reference_bit_for_bit_on_the_dyadic_grid(FastBinaryProperties.Case c)
    {
        var sequences = c.Sequences();
        var reference = BinaryCases.Reference.TrainSequences(sequences, c.Options());
        var kernel = EngineCache.Get(Backend.IlgpuCpu).TrainSequences(sequences, c.Options());
        Assert.Equal(Backend.IlgpuCpu, kernel.Backend);
        BinaryAssert.SameTraining(reference, kernel);
    }
}
