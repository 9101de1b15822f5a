using Xunit;

namespace FastAttractors.Tests.Binary.Data;

public class BinarySequenceTests
{
    [Fact]
    public void Values_other_than_plus_minus_one_are_located()
    {
        var patterns = Enumerable.Repeat((sbyte)1, 6).ToArray();
        patterns[4] = 0;
        var error = Assert.Throws<ArgumentException>(() => new BinarySequence(2, 3, patterns, "test"));
        Assert.Contains("got 0 at index 4 (pattern 1, unit 1)", error.Message);
    }

    [Fact]
    public void Wrong_length_and_short_sequences_are_refused()
    {
        Assert.Contains("2 × 3 = 6", Assert.Throws<ArgumentException>(() => new BinarySequence(2, 3, new sbyte[5], "test")).Message);
        Assert.Equal("Length", Assert.Throws<ArgumentOutOfRangeException>(() => new BinarySequence(1, 3, [1, 1, 1], "test")).ParamName);
        Assert.Equal("Width", Assert.Throws<ArgumentOutOfRangeException>(() => new BinarySequence(2, 0, [], "test")).ParamName);
    }

    [Fact]
    public void Frame_rows_must_divide_the_width() =>
        Assert.Equal("FrameRows", Assert.Throws<ArgumentOutOfRangeException>(
            () => new BinarySequence(2, 6, Enumerable.Repeat((sbyte)-1, 12).ToArray(), "test") { FrameRows = 4 }).ParamName);

    [Fact]
    public void To_frame_is_row_major_and_checks_its_index()
    {
        sbyte[] patterns = [1, 1, 1, 1, 1, 1, -1, 1, 1, 1, 1, -1];
        var sequence = new BinarySequence(2, 6, patterns, "test") { FrameRows = 2 };
        var frame = sequence.ToFrame(1);
        Assert.Equal(-1, frame[0, 0]);
        Assert.Equal(-1, frame[1, 2]);
        Assert.Equal(1, frame[1, 1]);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => sequence.ToFrame(2)).ParamName);
    }
}
