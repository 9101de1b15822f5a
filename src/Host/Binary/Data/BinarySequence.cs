namespace FastAttractors;

/// <summary>
/// A sequence of <paramref name="Length"/> binary patterns of <paramref name="Width"/> units each, every value −1 or +1;
/// pattern t occupies <c>Patterns[t·Width .. (t+1)·Width)</c>. Whether the learner treats it as periodic or open is the
/// learner's choice. <paramref name="Source"/> records how it was made (generator, seed, settings) so a result file can
/// say what it was trained on.
/// </summary>
public sealed record BinarySequence(int Length, int Width, sbyte[] Patterns, string Source)
{
    // Validated here, once, so every learner can index without checks and trust the ±1 alphabet.
    /// <summary>T: patterns in the sequence (at least 2).</summary>
    public int Length { get; } = Length >= 2 ? Length
        : throw new ArgumentOutOfRangeException(nameof(Length), Length, $"A sequence needs at least 2 patterns; got {Length}.");

    /// <summary>The units per pattern (at least 1).</summary>
    public int Width { get; } = Width >= 1 ? Width
        : throw new ArgumentOutOfRangeException(nameof(Width), Width, $"A pattern needs at least 1 unit; got {Width}.");

    /// <summary>The patterns, Length × Width values each −1 or +1; pattern t at [t·Width, (t+1)·Width).</summary>
    public sbyte[] Patterns { get; } = CheckPatterns(Patterns, Length, Width);

    /// <summary>How the sequence was made (generator, seed, settings).</summary>
    public string Source { get; } = Source ?? throw new ArgumentNullException(nameof(Source));

    /// <summary>
    /// Rows of the 2-D view <see cref="ToFrame"/> gives; Width must be a multiple of it. Images set their height; other
    /// sequences default to one row.
    /// </summary>
    public int FrameRows
    {
        get => _frameRows;
        init => _frameRows = value >= 1 && Width % value == 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(FrameRows), value, $"FrameRows must divide Width = {Width}; got {value}.");
    }

    private readonly int _frameRows = 1;

    /// <summary>Columns of the 2-D view: Width / FrameRows.</summary>
    public int FrameColumns => Width / FrameRows;

    /// <summary>Pattern <paramref name="t"/> as a view into <see cref="Patterns"/> (no copy).</summary>
    public ReadOnlySpan<sbyte> Pattern(int t) => Patterns.AsSpan(CheckedStart(t), Width);

    /// <summary>Pattern <paramref name="t"/> as a FrameRows × FrameColumns copy, row-major, for plotting.</summary>
    public sbyte[,] ToFrame(int t)
    {
        int start = CheckedStart(t);
        var frame = new sbyte[FrameRows, FrameColumns];
        for (int r = 0; r < FrameRows; r++)
            for (int c = 0; c < FrameColumns; c++)
                frame[r, c] = Patterns[start + r * FrameColumns + c];
        return frame;
    }

    private int CheckedStart(int t) => (uint)t < (uint)Length ? t * Width
        : throw new ArgumentOutOfRangeException(nameof(t), t, $"Pattern index must be in [0, {Length}); got {t}.");

    private static sbyte[] CheckPatterns(sbyte[] patterns, int length, int width)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        long expected = (long)length * width;
        if (patterns.Length != expected)
            throw new ArgumentException(
                $"Patterns must hold Length × Width = {length} × {width} = {expected} values; got {patterns.Length}.", nameof(patterns));
        for (int i = 0; i < patterns.Length; i++)
            if (patterns[i] is not (1 or -1))
                throw new ArgumentException(
                    $"Patterns must be −1 or +1; got {patterns[i]} at index {i} (pattern {i / width}, unit {i % width}).", nameof(patterns));
        return patterns;
    }
}
