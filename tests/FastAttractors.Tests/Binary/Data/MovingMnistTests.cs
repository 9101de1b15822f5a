using Xunit;

namespace FastAttractors.Tests.Binary.Data;

public class MovingMnistTests
{
    private const int Limit = 64 - 28; // the largest top-left coordinate that keeps a 28-pixel digit in a 64-pixel frame

    [Fact]
    public void Digits_stay_inside_and_bounce_off_the_borders()
    {
        for (long index = 0; index < 8; index++)
        {
            var sequence = MovingMnist.Generate(MnistSample.Digits, length: 200, seed: 21, index);
            Assert.Equal(2, sequence.Tracks.Count);
            foreach (var track in sequence.Tracks)
            {
                Assert.All(track.Rows, r => Assert.InRange(r, 0, Limit));
                Assert.All(track.Columns, c => Assert.InRange(c, 0, Limit));
                // Speed ≥ 2 px/frame puts ≥ √2 on one axis: it crosses the 36-pixel range within 26 frames, so 200
                // frames hold reversals, and a reversal happens only next to a wall (within one step of ≤ 4 pixels).
                int reversals = Reversals(track.Rows) + Reversals(track.Columns);
                Assert.True(reversals >= 2, $"index {index}: only {reversals} reversals in 200 frames");
            }
        }
    }

    private static int Reversals(int[] positions)
    {
        int count = 0, lastDirection = 0;
        for (int t = 0; t + 1 < positions.Length; t++)
        {
            int direction = Math.Sign(positions[t + 1] - positions[t]);
            if (direction == 0)
                continue;
            if (lastDirection != 0 && direction != lastDirection)
            {
                count++;
                Assert.True(positions[t] <= 5 || positions[t] >= Limit - 5, $"reversed at {positions[t]}, away from the walls");
            }
            lastDirection = direction;
        }
        return count;
    }

    [Fact]
    public void One_digit_frames_are_the_thresholded_image_at_the_track()
    {
        var digits = MnistSample.Digits;
        var sequence = MovingMnist.Generate(digits, length: 12, seed: 4, digitCount: 1);
        var track = sequence.Tracks[0];
        var image = digits.Image(track.Digit, track.Index);
        for (int t = 0; t < 12; t++)
        {
            var frame = sequence.Frames.ToFrame(t);
            for (int r = 0; r < 64; r++)
                for (int c = 0; c < 64; c++)
                {
                    int ir = r - track.Rows[t], ic = c - track.Columns[t];
                    bool inside = ir is >= 0 and < 28 && ic is >= 0 and < 28;
                    sbyte expected = (sbyte)(inside && image[ir * 28 + ic] > 0.5f ? 1 : -1);
                    Assert.Equal(expected, frame[r, c]);
                }
        }
    }

    [Fact]
    public void Frames_are_plus_minus_one_with_ink_and_4096_units()
    {
        var frames = MovingMnist.Generate(MnistSample.Digits, length: 10, seed: 2).Frames;
        Assert.Equal(4096, frames.Width);
        Assert.Equal(64, frames.FrameRows);
        Assert.All(frames.Patterns, v => Assert.True(v is 1 or -1));
        for (int t = 0; t < frames.Length; t++)
        {
            int ink = 0;
            foreach (var v in frames.Pattern(t))
                ink += v > 0 ? 1 : 0;
            Assert.InRange(ink, 40, 2 * 28 * 28); // two digits: some ink, never more than their two boxes
        }
    }

    [Fact]
    public void Same_seed_and_index_give_the_same_sequence()
    {
        var a = MovingMnist.Generate(MnistSample.Digits, 30, seed: 8, index: 3);
        var b = MovingMnist.Generate(MnistSample.Digits, 30, seed: 8, index: 3);
        var c = MovingMnist.Generate(MnistSample.Digits, 30, seed: 8, index: 4);
        Assert.Equal(a.Frames.Patterns, b.Frames.Patterns);
        Assert.Equal(a.Frames.Source, b.Frames.Source);
        Assert.NotEqual(a.Frames.Patterns, c.Frames.Patterns);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        var digits = MnistSample.Digits;
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => MovingMnist.Generate(digits, 1, 1)).ParamName);
        Assert.Equal("frameSide", Assert.Throws<ArgumentOutOfRangeException>(() => MovingMnist.Generate(digits, 5, 1, frameSide: 30)).ParamName);
        Assert.Equal("digitCount", Assert.Throws<ArgumentOutOfRangeException>(() => MovingMnist.Generate(digits, 5, 1, digitCount: 0)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => MovingMnist.Generate(digits, 5, 1, threshold: 1)).ParamName);
    }
}
