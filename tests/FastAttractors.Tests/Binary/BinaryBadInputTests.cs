using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>Every bad input to the binary networks is an exception naming the argument and the bad value.</summary>
public class BinaryBadInputTests
{
    private static void Rejects(Action action, params string[] mustMention)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        foreach (var text in mustMention)
            Assert.Contains(text, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static TrainingResult Train(TrainingOptions options) => BinaryCases.Reference.TrainSequences(BinaryCases.Random(1, 3, 8, 1), options);

    [Fact]
    public void Pattern_values_other_than_plus_minus_one() =>
        Rejects(() => new SequenceBatch([1, -1, 0, 1, 1, 1], 1, 2, 3), "patterns", "value 0", "pattern 0, neuron 2");

    [Fact]
    public void A_repeated_pattern_with_different_successors() =>
        Rejects(() => new SequenceBatch([1, 1, -1, -1, 1, 1, 1, -1], 1, 4, 2), "patterns", "sequence 0", "pattern 2 equal to pattern 0", "successors 3 and 1");

    [Fact]
    public void A_repeated_pattern_with_the_same_successor_is_allowed() =>
        Assert.Equal(4, new SequenceBatch([1, 1, -1, -1, 1, 1, -1, -1], 1, 4, 2).Transitions);

    [Fact]
    public void Fewer_than_two_patterns() => Rejects(() => new SequenceBatch([1, -1], 1, 1, 2), "length", "got 1");

    [Theory]
    [InlineData(2, 3, 4, 23, "2 × 3 × 4 = 24", "got 23")]
    [InlineData(0, 3, 4, 0, "networks", "got 0")]
    [InlineData(1, 3, 0, 0, "visible", "got 0")]
    public void Mismatched_shapes(int b, int t, int n, int values, string a, string c) =>
        Rejects(() => new SequenceBatch(Enumerable.Repeat((sbyte)1, values).ToArray(), b, t, n), a, c);

    [Fact]
    public void No_hidden_neurons() => Rejects(() => Train(new TrainingOptions { Hidden = 0 }), "Hidden (M)", "got 0");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Kappa_not_positive(double kappa) => Rejects(() => Train(new TrainingOptions { Kappa = kappa }), "Kappa", $"got {kappa}");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Eta_not_positive(double eta) => Rejects(() => Train(new TrainingOptions { Eta = eta }), "Eta", $"got {eta}");

    [Fact]
    public void Unknown_variant() => Rejects(() => Train(new TrainingOptions { Variant = (NetworkVariant)42 }), "Variant", "42", "HiddenUV");

    [Fact]
    public void One_hot_targets_with_fewer_hidden_units_than_transitions() =>
        Rejects(() => Train(new TrainingOptions { Targets = HiddenTargets.OneHot, Hidden = 2 }), "Hidden (M)", "3 transitions", "got 2");

    [Fact]
    public void Activity_outside_the_unit_interval() =>
        Rejects(() => Train(new TrainingOptions { Targets = HiddenTargets.SparseProjection, Activity = 1 }), "Activity", "got 1");

    [Fact]
    public void More_flipped_bits_than_neurons() =>
        Rejects(() => BinaryCases.Reference.Recall(Train(new TrainingOptions { Hidden = 4, MaxEpochs = 1 }), new RecallOptions { FlippedBits = 9 }),
            "FlippedBits", "N = 8", "got 9");
}
