using FastAttractors.Degeneracy;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>Linear CKA invariances and classical MDS recovery of a planar configuration.</summary>
public class RepresentationTests
{
    [Fact]
    public void Cka_is_one_for_identical_rotated_and_scaled_representations()
    {
        var cases = from samples in Gen.Choose(3, 40)
                    from width in Gen.Choose(1, 12)
                    from seed in Gen.Choose(0, 100000)
                    select (samples, width, seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rng = new Random(c.seed);
            var x = Gaussian(c.samples, c.width, rng);
            var rotated = Multiply(x, Orthogonal(c.width, rng));
            var scaled = Scale(x, 0.01 + 5 * rng.NextDouble());
            // Ratios of sums of squares of O(1) numbers: 1 to ~1e-14; 1e-12 leaves room for larger widths.
            Assert.Equal(1.0, LinearCka.Of(x, x), 1e-12);
            Assert.Equal(1.0, LinearCka.Of(x, rotated), 1e-12);
            Assert.Equal(1.0, LinearCka.Of(scaled, x), 1e-12);
            var other = Gaussian(c.samples, c.width + 1, rng);
            double value = LinearCka.Of(x, other);
            Assert.InRange(value, 0, 1 + 1e-12);
            Assert.Equal(value, LinearCka.Of(other, x), 1e-12);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void Cka_is_below_one_for_unrelated_representations()
    {
        var rng = new Random(1);
        // 200 samples of independent 5-D Gaussians: CKA concentrates near p/samples-scale values, far below 1.
        Assert.True(LinearCka.Of(Gaussian(200, 5, rng), Gaussian(200, 5, rng)) < 0.2);
    }

    [Fact]
    public void Mds_recovers_a_planar_configuration_up_to_rotation_and_reflection()
    {
        var rng = new Random(2);
        int count = 15;
        var points = Gaussian(count, 2, rng, 3);
        var distances = new double[count, count];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < count; j++)
                distances[i, j] = Math.Sqrt(Math.Pow(points[i, 0] - points[j, 0], 2) + Math.Pow(points[i, 1] - points[j, 1], 2));
        var embedding = ClassicalMds.Embed(distances);
        // Equal pairwise distances ⇔ the centred configurations differ by an orthogonal map (rotation/reflection).
        // Error: rounding in B (~1e-15 · D²) and the eigen-solver's, ~1e-13 on distances of size ~10.
        for (int i = 0; i < count; i++)
            for (int j = 0; j < count; j++)
            {
                double d = Math.Sqrt(Math.Pow(embedding.Coordinates[i, 0] - embedding.Coordinates[j, 0], 2) +
                                     Math.Pow(embedding.Coordinates[i, 1] - embedding.Coordinates[j, 1], 2));
                Assert.Equal(distances[i, j], d, 1e-9);
            }
        // A planar configuration has exactly two nonzero eigenvalues.
        Assert.True(embedding.Eigenvalues[1] > 1);
        Assert.All(embedding.Eigenvalues.Skip(2), v => Assert.True(Math.Abs(v) <= 1e-9 * embedding.Eigenvalues[0]));
        // And the embedding is centred, like the double-centred B it comes from.
        Assert.Equal(0, Enumerable.Range(0, count).Sum(i => embedding.Coordinates[i, 0]), 1e-9);
    }

    [Fact]
    public void Bad_input_is_refused_with_its_name()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => LinearCka.Of(new double[4, 2], new double[5, 2])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => LinearCka.Of(new double[4, 2], Gaussian(4, 2, new Random(1)))).ParamName);
        Assert.Equal("distances", Assert.Throws<ArgumentException>(() => ClassicalMds.Embed(new double[,] { { 0, 1 }, { 2, 0 } })).ParamName);
        Assert.Equal("distances", Assert.Throws<ArgumentException>(() => ClassicalMds.Embed(new double[,] { { 1, 1 }, { 1, 0 } })).ParamName);
        Assert.Equal("dimensions", Assert.Throws<ArgumentOutOfRangeException>(() => ClassicalMds.Embed(new double[2, 2], 3)).ParamName);
    }
}
