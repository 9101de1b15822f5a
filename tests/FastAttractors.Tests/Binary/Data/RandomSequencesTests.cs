using Xunit;

namespace FastAttractors.Tests.Binary.Data;

public class RandomSequencesTests
{
    [Fact]
    public void Patterns_are_plus_minus_one_and_distinct()
    {
        foreach (var sequence in RandomSequences.Batch(length: 140, width: 100, batch: 4, seed: 11))
        {
            Assert.Equal(140 * 100, sequence.Patterns.Length);
            Assert.All(sequence.Patterns, v => Assert.True(v is 1 or -1));
            Assert.Null(PatternComparer.FirstRepeat(sequence.Patterns, sequence.Length, sequence.Width));
        }
    }

    [Fact]
    public void Units_are_balanced_within_five_sigma()
    {
        // 100 × 140 × 4 = 56,000 fair ±1 draws: the sum has standard deviation √56,000 ≈ 237.
        long sum = RandomSequences.Batch(140, 100, 4, seed: 3).Sum(s => s.Patterns.Sum(v => (long)v));
        Assert.InRange(sum, -5 * 237, 5 * 237);
    }

    [Fact]
    public void Same_seed_same_sequences_and_batch_members_stand_alone()
    {
        var batch = RandomSequences.Batch(20, 33, 3, seed: 5);
        Assert.Equal(batch[2].Patterns, RandomSequences.Single(20, 33, seed: 5, index: 2).Patterns);
        Assert.Equal(batch[0].Patterns, RandomSequences.Batch(20, 33, 1, seed: 5)[0].Patterns);
        Assert.NotEqual(batch[0].Patterns, batch[1].Patterns);
        Assert.NotEqual(batch[0].Patterns, RandomSequences.Single(20, 33, seed: 6).Patterns);
    }

    [Fact]
    public void Duplicates_are_redrawn_deterministically()
    {
        // 16 distinct patterns of width 4 are all there are: many draws repeat and must be redrawn.
        var sequence = RandomSequences.Single(16, 4, seed: 9);
        Assert.Null(PatternComparer.FirstRepeat(sequence.Patterns, 16, 4));
        Assert.Contains("redraws=", sequence.Source);
        Assert.DoesNotContain("redraws=0", sequence.Source);
        Assert.Equal(sequence.Patterns, RandomSequences.Single(16, 4, seed: 9).Patterns);
    }

    [Fact]
    public void Frame_view_is_squarish()
    {
        var sequence = RandomSequences.Single(3, 100, seed: 1);
        var frame = sequence.ToFrame(1);
        Assert.Equal((10, 10), (frame.GetLength(0), frame.GetLength(1)));
        Assert.Equal(sequence.Pattern(1)[37], frame[3, 7]);
    }

    [Theory]
    [InlineData(1, 10, "length", "T ≥ 2")]
    [InlineData(5, 0, "width", "N ≥ 1")]
    [InlineData(17, 4, "length", "2^4 = 16")]
    public void Bad_shapes_are_named(int length, int width, string parameter, string text)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RandomSequences.Single(length, width, seed: 1));
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Empty_batch_is_refused() =>
        Assert.Equal("batch", Assert.Throws<ArgumentOutOfRangeException>(() => RandomSequences.Batch(4, 4, 0, 1)).ParamName);
}
