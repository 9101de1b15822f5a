using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The Simd batch-from-zero training keeps one set of buffers per worker thread and reuses it network after network.
/// With 12 networks and at most a handful of workers some thread trains several in a row, so any state left over from
/// one network (counts, Gram matrices, targets, statistics) would show as a difference from the Reference, which
/// builds everything afresh. Dyadic setting: tolerance 0.
/// </summary>
public class SimdScratchReuseTests
{
    [Theory]
    [InlineData(NetworkVariant.HiddenUV, HiddenCode.PlusMinusOne, BiasMode.Learned)]
    [InlineData(NetworkVariant.HiddenUV, HiddenCode.ZeroOne, BiasMode.None)]
    [InlineData(NetworkVariant.HiddenVOnly, HiddenCode.PlusMinusOne, BiasMode.Learned)]
    [InlineData(NetworkVariant.VisiblePerceptron, HiddenCode.PlusMinusOne, BiasMode.Learned)]
    public void Every_network_equals_the_Reference_when_buffers_are_reused(NetworkVariant variant, HiddenCode code, BiasMode biases)
    {
        // T = 14 at N = 24 with M = 30: some networks converge in a few epochs, others run to the epoch limit, so a thread
        // follows a long training with a short one and the other way round.
        var sequences = BinaryCases.Random(12, 14, 24, seed: 31);
        var options = new TrainingOptions
        {
            Variant = variant, Hidden = 30, HiddenCode = code, Biases = biases, Eta = 1.0 / 64, Kappa = 1, MaxEpochs = 60, Seed = 5,
        };
        var reference = BinaryCases.Reference.TrainSequences(sequences, options);
        var simd = EngineCache.Get(Backend.Simd).TrainSequences(sequences, options);
        BinaryCases.AssertSameTraining(reference, simd);
        // The setting must not be trivial: networks differ in how long they train.
        Assert.True(reference.Epochs.Distinct().Count() > 1, $"every network trained {reference.Epochs[0]} epochs");
    }
}
