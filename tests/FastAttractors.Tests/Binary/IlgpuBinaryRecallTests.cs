using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The ILGPU binary recall kernel (on the CPU accelerator) against the Reference: on the dyadic grid (zero initial
/// weights, η = 2^−p, κ/η an integer) both engines train identical networks, and recall must succeed or fail in the
/// same trials, trial by trial.
/// </summary>
public class IlgpuBinaryRecallTests
{
    public static IEnumerable<object[]> Cases()
    {
        foreach (var variant in new[] { NetworkVariant.HiddenUV, NetworkVariant.HiddenVOnly, NetworkVariant.VisiblePerceptron })
            foreach (var criterion in Enum.GetValues<RecallCriterion>())
                foreach (var (boundary, code, biases, seed) in new[]
                         {
                             (SequenceBoundary.Periodic, HiddenCode.PlusMinusOne, BiasMode.None, 11UL),
                             (SequenceBoundary.Open, HiddenCode.ZeroOne, BiasMode.Learned, 23UL),
                         })
                    yield return [variant, criterion, boundary, code, biases, seed];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IlgpuCpu_recall_equals_Reference_trial_by_trial(
        NetworkVariant variant, RecallCriterion criterion, SequenceBoundary boundary, HiddenCode code, BiasMode biases, ulong seed)
    {
        var sequences = BinaryCases.Random(3, 6, 24, seed, boundary);
        var options = new TrainingOptions
        {
            Variant = variant, Hidden = 40, HiddenCode = code, Biases = biases, Eta = Math.ScaleB(1.0, -3), Kappa = 4 * Math.ScaleB(1.0, -3),
            MaxEpochs = 30, Seed = seed + 1,
        };
        var gpu = EngineCache.Get(Backend.IlgpuCpu);
        var reference = BinaryCases.Reference.TrainSequences(sequences, options);
        var trained = gpu.TrainSequences(sequences, options);
        Assert.Equal(reference.U, trained.U);
        Assert.Equal(reference.V, trained.V);
        Assert.Equal(reference.W, trained.W);
        // Heavy noise as well as light, so some trials fail and some succeed.
        foreach (int flipped in new[] { 1, 4, 10 })
        {
            var recall = new RecallOptions { FlippedBits = flipped, Trials = 16, Criterion = criterion, Seed = seed + 5 };
            var expected = BinaryCases.Reference.Recall(reference, recall);
            var actual = gpu.Recall(trained, recall);
            Assert.Equal(Backend.IlgpuCpu, actual.Backend);
            Assert.Equal(expected.Success, actual.Success);
        }
    }

    [Fact]
    public void Hebbian_recall_falls_back_to_Simd_and_says_so()
    {
        var sequences = BinaryCases.Random(2, 4, 20, 3);
        var options = new TrainingOptions { Variant = NetworkVariant.Hebbian };
        var gpu = EngineCache.Get(Backend.IlgpuCpu);
        var trained = gpu.TrainSequences(sequences, options);
        var recall = new RecallOptions { FlippedBits = 2, Trials = 8 };
        var actual = gpu.Recall(trained, recall);
        Assert.Equal(Backend.Simd, actual.Backend);
        Assert.Equal(BinaryCases.Reference.Recall(BinaryCases.Reference.TrainSequences(sequences, options), recall).Success, actual.Success);
    }
}
