namespace FastAttractors;

/// <summary>
/// Procedural walking silhouettes (docs/how-to/get-sequence-data.md): a side-view stick-and-blob figure (head disk, torso,
/// two two-segment legs, two two-segment arms swinging against the legs) walking in place, rendered at T evenly spaced
/// phases of one gait cycle, phase t at 2π t / T, so frame T would be frame 0 again (a periodic sequence). Ink is +1,
/// background −1. The near-side limbs are drawn thicker than the far-side ones: with equal limbs the frame at phase
/// φ + π would mirror-swap two identical legs and repeat the frame at φ exactly.
/// </summary>
public static class WalkingSilhouette
{
    /// <summary>The smallest frame width and height, in pixels, that render a distinguishable figure.</summary>
    public const int MinSide = 12; // below this the limbs merge into one blob and few phases differ

    /// <param name="width">frame width W in pixels</param>
    /// <param name="height">frame height H in pixels; the figure is scaled to it</param>
    /// <param name="length">phases T ≥ 2 in one cycle; every frame differs from every other (checked)</param>
    public static BinarySequence Render(int width, int height, int length)
    {
        if (width < MinSide)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"Frame width must be at least {MinSide} pixels; got {width}.");
        if (height < MinSide)
            throw new ArgumentOutOfRangeException(nameof(height), height, $"Frame height must be at least {MinSide} pixels; got {height}.");
        if (length < 2)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A sequence needs at least 2 phases (T ≥ 2); got {length}.");
        long units = (long)width * height;
        if (units * length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"{length} frames of {width} × {height} exceed one array.");

        var patterns = new sbyte[units * length];
        for (int t = 0; t < length; t++)
            Draw(patterns.AsSpan((int)(t * units), (int)units), width, height, 2 * Math.PI * t / length);

        if (PatternComparer.FirstRepeat(patterns, length, (int)units) is var (first, second))
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"Phases {first} and {second} of {length} render identically at {width} × {height}; use fewer phases or a larger frame.");
        return new BinarySequence(length, (int)units, patterns, $"walking-silhouette(T={length}, W={width}, H={height})")
        {
            FrameRows = height,
        };
    }

    private static void Draw(Span<sbyte> frame, int width, int height, double phase)
    {
        var figure = GaitPose.At(phase, width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                frame[y * width + x] = (sbyte)(figure.Covers(x + 0.5, y + 0.5) ? 1 : -1);
    }
}
