using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The N = 4 sequence whose transitions ξ(1), ξ(2), ξ(3), ξ(4) satisfy ξ(1) − ξ(2) + ξ(3) + ξ(4) = 0, so no
/// bias-free unit can map them to labels (+, −, +, +) — neuron 2's required outputs. Found by sweeping code, targets,
/// biases and M over 20 seeds: the visible-only perceptron never converges without biases; the hidden network recalls
/// with OneHot targets at any M ≥ 4 (either hidden code, the code makes no difference here), and with OneHot targets
/// plus learned biases it also converges (every U target is then realisable). Without biases U itself cannot converge:
/// the one-hot unit of transition 2 asks for the infeasible labels (−, +, −, −); V learns around it.
/// </summary>
public class NonSeparableSequenceTests
{
    private static readonly TrainingOptions Options = new() { Eta = 1.0 / 64, MaxEpochs = 2000, Hidden = 8 };
    private static readonly RecallOptions Clean = new() { FlippedBits = 0, Trials = 1 };

    [Fact]
    public void The_visible_only_perceptron_never_converges()
    {
        var nets = BinaryCases.Reference.TrainSequences(BinaryCases.NonSeparable(), Options with { Variant = NetworkVariant.VisiblePerceptron });
        Assert.False(nets.Converged[0]);
        Assert.Equal(Options.MaxEpochs, nets.Epochs[0]);
        Assert.False(BinaryCases.Reference.Recall(nets, Clean).Success[0]);
    }

    [Theory]
    [InlineData(HiddenCode.PlusMinusOne)]
    [InlineData(HiddenCode.ZeroOne)]
    public void One_hot_targets_with_biases_converge_and_recall(HiddenCode code)
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var nets = BinaryCases.Reference.TrainSequences(BinaryCases.NonSeparable(),
                Options with { HiddenCode = code, Targets = HiddenTargets.OneHot, Biases = BiasMode.Learned, Hidden = 4, Seed = seed });
            Assert.True(nets.Converged[0], $"seed {seed}");
            Assert.True(BinaryCases.Reference.Recall(nets, Clean).Success[0], $"seed {seed}");
        }
    }

    [Fact]
    public void One_hot_targets_without_biases_recall_though_u_cannot_converge()
    {
        var nets = BinaryCases.Reference.TrainSequences(BinaryCases.NonSeparable(), Options with { Targets = HiddenTargets.OneHot, Hidden = 4 });
        Assert.False(nets.Converged[0]);
        Assert.True(nets.HiddenGateFraction(0)[^1] > 0);
        Assert.Equal(0, nets.VisibleGateFraction(0)[^1]);
        Assert.True(BinaryCases.Reference.Recall(nets, Clean).Success[0]);
    }
}
