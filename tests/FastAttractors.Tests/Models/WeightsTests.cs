using Xunit;

namespace FastAttractors.Tests.Models;

/// <summary>The W constructors of Eq. S3 and Eq. 19, and counter-based reproducibility.</summary>
public class WeightsTests
{
    [Fact]
    public void Sparse_gaussian_has_the_stated_density_and_variance()
    {
        const int n = 200;
        const double g = 1.8, pc = 0.1;
        var w = Weights.SparseGaussian(n, g, pc, null, 42).Values;
        double density = w.Count(v => v != 0) / (double)w.Length;
        double variance = w.Select(v => v * v).Average();
        // 40,000 Bernoulli(0.1) draws: density std 0.0015; E[W²] = g²/n = 0.0162 with relative std ≈ √(3/4000) ≈ 3 %.
        Assert.InRange(density, pc - 0.006, pc + 0.006);
        Assert.InRange(variance, g * g / n * 0.88, g * g / n * 1.12);
    }

    [Fact]
    public void Zero_diagonal_is_zero()
    {
        var w = Weights.SparseGaussian(30, 4, 1.0, null, 1, zeroDiagonal: true).Values;
        for (int i = 0; i < 30; i++)
            Assert.Equal(0.0, w[i * 30 + i]);
        Assert.True(w.Count(v => v != 0) >= 30 * 29 - 1);
    }

    [Fact]
    public void Member_draws_do_not_depend_on_the_ensemble_size()
    {
        var small = Weights.SparseGaussian(8, 1, 0.5, 3, 7);
        var large = Weights.SparseGaussian(8, 1, 0.5, 50, 7);
        for (int m = 0; m < 3; m++)
            for (int p = 0; p < 64; p++)
                Assert.Equal(small.Get(p, m), large.Get(p, m));
        Assert.NotEqual(large.Get(0, 0) + large.Get(1, 0), large.Get(0, 1) + large.Get(1, 1));
    }

    [Fact]
    public void Block_rotation_is_alpha_times_a_rotation_per_block()
    {
        var w = Weights.BlockRotation([2.0, 0.5, 3.0], [Math.PI / 2, 0.3, 0.0], 5);
        Assert.Equal(0.0, w[0], 12);
        Assert.Equal(-2.0, w[1], 12);
        Assert.Equal(2.0, w[5], 12);
        Assert.Equal(0.5 * Math.Cos(0.3), w[2 * 5 + 2], 12);
        Assert.Equal(-0.5 * Math.Sin(0.3), w[2 * 5 + 3], 12);
        Assert.Equal(3.0, w[4 * 5 + 4], 12);
        Assert.Equal(0.0, w[0 * 5 + 2]);
    }

    [Fact]
    public void Pta_samples_angles_inside_the_given_rectangle()
    {
        var block = Weights.Pta(6, (1.0, 2.0), (0.1, 0.5), 20, 3);
        for (int m = 0; m < 20; m++)
        {
            for (int k = 0; k < 3; k++)
            {
                int i = 2 * k;
                double a11 = block.Get(i * 6 + i, m), a21 = block.Get((i + 1) * 6 + i, m);
                double alpha = Math.Sqrt(a11 * a11 + a21 * a21), theta = Math.Atan2(a21, a11);
                Assert.InRange(alpha, 1.0, 2.0);
                Assert.InRange(theta, 0.1, 0.5);
            }
        }
    }

    [Fact]
    public void Counter_random_is_a_pure_function_of_its_key()
    {
        Assert.Equal(CounterRandom.Bits(1, 2, 3), CounterRandom.Bits(1, 2, 3));
        Assert.NotEqual(CounterRandom.Bits(1, 2, 3), CounterRandom.Bits(1, 2, 4));
        var normals = Enumerable.Range(0, 20000).Select(k => CounterRandom.Normal(9, 1, (ulong)k)).ToArray();
        Assert.InRange(normals.Average(), -0.03, 0.03);
        Assert.InRange(normals.Select(z => z * z).Average(), 0.96, 1.04);
    }
}
