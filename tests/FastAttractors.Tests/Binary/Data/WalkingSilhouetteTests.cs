using Xunit;

namespace FastAttractors.Tests.Binary.Data;

public class WalkingSilhouetteTests
{
    [Theory]
    [InlineData(64, 64, 8)]
    [InlineData(64, 64, 64)]
    [InlineData(32, 48, 24)]
    [InlineData(16, 16, 8)]
    public void No_frame_repeats_within_a_cycle(int width, int height, int length)
    {
        var sequence = WalkingSilhouette.Render(width, height, length);
        Assert.Equal(width * height, sequence.Width);
        Assert.Equal(height, sequence.FrameRows);
        Assert.All(sequence.Patterns, v => Assert.True(v is 1 or -1));
        Assert.Null(PatternComparer.FirstRepeat(sequence.Patterns, length, width * height));
    }

    [Fact]
    public void Phases_are_evenly_spaced_over_one_cycle()
    {
        // Phase t of T is 2π t / T, so frame t of T = 16 is frame 2t of T = 32.
        var coarse = WalkingSilhouette.Render(40, 40, 16);
        var fine = WalkingSilhouette.Render(40, 40, 32);
        for (int t = 0; t < 16; t++)
            Assert.Equal(coarse.Pattern(t).ToArray(), fine.Pattern(2 * t).ToArray());
    }

    [Fact]
    public void The_figure_spans_head_to_feet_in_a_plausible_area()
    {
        var sequence = WalkingSilhouette.Render(64, 64, 16);
        for (int t = 0; t < 16; t++)
        {
            var frame = sequence.ToFrame(t);
            int ink = 0, top = 64, bottom = -1;
            for (int r = 0; r < 64; r++)
                for (int c = 0; c < 64; c++)
                    if (frame[r, c] > 0)
                    {
                        ink++;
                        top = Math.Min(top, r);
                        bottom = Math.Max(bottom, r);
                    }
            Assert.InRange(ink, 0.04 * 4096, 0.3 * 4096);
            Assert.InRange(top, 2, 16);      // the head near the top
            Assert.InRange(bottom, 48, 63);  // the feet near the bottom
        }
    }

    [Fact]
    public void Too_many_phases_for_the_frame_are_refused_not_repeated()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WalkingSilhouette.Render(12, 12, 400));
        Assert.Equal("length", error.ParamName);
        Assert.Contains("render identically", error.Message);
    }

    [Theory]
    [InlineData(11, 32, 8, "width")]
    [InlineData(32, 5, 8, "height")]
    [InlineData(32, 32, 1, "length")]
    public void Bad_sizes_are_named(int width, int height, int length, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => WalkingSilhouette.Render(width, height, length)).ParamName);
}
