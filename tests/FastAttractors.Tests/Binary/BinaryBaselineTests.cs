using FastAttractors.Binary;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>The baseline variants against their formulas, and the recall noise against its documented definition.</summary>
public class BinaryBaselineTests
{
    private static readonly SequenceBatch Short = BinaryCases.Random(2, 6, 30, seed: 21);

    [Fact]
    public void Hebbian_weights_are_the_outer_product_sum_over_n()
    {
        var nets = BinaryCases.Reference.TrainSequences(Short, new TrainingOptions { Variant = NetworkVariant.Hebbian });
        int n = Short.Visible;
        for (int b = 0; b < Short.Networks; b++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                {
                    double expected = Enumerable.Range(0, Short.Transitions).Sum(t => Short.Pattern(b, Short.Successor(t))[j] * Short.Pattern(b, t)[k]) / (double)n;
                    Assert.Equal(expected, nets.WOf(b)[j * n + k], 15);
                }
    }

    [Theory]
    [InlineData(SeparationFunction.Polynomial, 3)]
    [InlineData(SeparationFunction.Polynomial, 4)]
    [InlineData(SeparationFunction.Exponential, 1)]
    public void Both_long_sequence_hopfield_forms_give_the_same_trajectories(SeparationFunction f, int degree)
    {
        var options = new TrainingOptions { Variant = NetworkVariant.LongSequenceHopfield, Separation = f, Degree = degree };
        var one = BinaryCases.Reference.TrainSequences(Short, options);
        var two = BinaryCases.Reference.TrainSequences(Short, options with { Variant = NetworkVariant.LongSequenceHopfieldTwoLayer });
        Assert.Equal(Short.Transitions, two.Hidden);
        var noise = new RecallOptions { FlippedBits = 8, Trials = 30, Criterion = RecallCriterion.ReachesSequence };
        var a = BinaryCases.Reference.Recall(one, noise).Success;
        Assert.Equal(a, BinaryCases.Reference.Recall(two, noise).Success);
        Assert.Contains(a, s => s);
    }

    [Theory]
    [InlineData(NetworkVariant.HiddenVOnly)]
    [InlineData(NetworkVariant.VisiblePerceptron)]
    public void Other_learned_variants_store_a_short_sequence(NetworkVariant variant)
    {
        var nets = BinaryCases.Reference.TrainSequences(Short, new TrainingOptions { Variant = variant, Hidden = 100, Eta = 1.0 / 64 });
        Assert.All(nets.Converged, Assert.True);
        Assert.All(nets.MinVisibleMargin, margin => Assert.True(margin > 0));
        Assert.All(BinaryCases.Reference.Recall(nets, new RecallOptions { FlippedBits = 0, Trials = 1 }).Success, Assert.True);
    }

    [Fact]
    public void Flip_noise_is_k_distinct_bits_fixed_by_seed_network_and_trial()
    {
        var first = new int[7];
        var again = new int[7];
        var other = new int[7];
        FlipNoise.Choose(3, network: 4, trial: 5, n: 20, k: 7, first);
        FlipNoise.Choose(3, network: 4, trial: 5, n: 20, k: 7, again);
        FlipNoise.Choose(3, network: 4, trial: 6, n: 20, k: 7, other);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(7, first.Distinct().Count());
        Assert.All(first, k => Assert.InRange(k, 0, 19));
    }
}
