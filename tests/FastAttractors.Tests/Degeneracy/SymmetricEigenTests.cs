using FastAttractors.Degeneracy;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

public class SymmetricEigenTests
{
    [Fact]
    public void Repeated_and_zero_eigenvalues_keep_orthonormal_vectors()
    {
        // A rank-2 projector-like matrix: eigenvalues 2, 2, 0, 0, 0 (two repeated clusters).
        var rng = new Random(8);
        var q = Orthogonal(5, rng);
        var a = Multiply(Multiply(q, Diagonal(2, 2, 0, 0, 0)), Transpose(q));
        var eigen = SymmetricEigen.Decompose(a);
        double[] expected = [2, 2, 0, 0, 0];
        for (int k = 0; k < 5; k++) Assert.Equal(expected[k], eigen.Values[k], 1e-13);
        var vtv = Multiply(Transpose(eigen.Vectors), eigen.Vectors);
        for (int i = 0; i < 5; i++)
            for (int k = 0; k < 5; k++)
                Assert.Equal(i == k ? 1 : 0, vtv[i, k], 1e-13);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(30, 3)]
    [InlineData(120, 4)]
    public void Recovers_a_spectrum_built_by_an_orthogonal_similarity(int n, int seed)
    {
        var rng = new Random(seed);
        var q = Orthogonal(n, rng);
        var values = Enumerable.Range(0, n).Select(i => 3.0 - i * 0.7 + (i % 3 == 0 ? 0 : 0.01)).ToArray();
        var a = Multiply(Multiply(q, Diagonal(values)), Transpose(q));
        var eigen = SymmetricEigen.Decompose(a);
        var sorted = values.OrderByDescending(v => v).ToArray();
        // Symmetric eigenvalues are perfectly conditioned: error ≲ n·ε·‖A‖ ≈ 1e-12 at n = 120 (‖A‖ ≈ 80 there).
        for (int k = 0; k < n; k++) Assert.Equal(sorted[k], eigen.Values[k], 1e-10);
        // A V = V Λ and VᵀV = I to rounding.
        var av = Multiply(a, eigen.Vectors);
        var vtv = Multiply(Transpose(eigen.Vectors), eigen.Vectors);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                Assert.Equal(eigen.Vectors[i, k] * eigen.Values[k], av[i, k], 1e-10);
                Assert.Equal(i == k ? 1 : 0, vtv[i, k], 1e-12);
            }
    }

    /// <summary>
    /// Rank-deficient Gram matrices (X Xᵀ, X of n × r) and spectra graded down to 1e-300 beside exact zeros: a
    /// convergence test relative to the neighbouring diagonal entries alone (|e_m| ≤ ε (|d_m| + |d_m+1|)) can never be
    /// met inside a cluster of zero eigenvalues, where those entries are themselves rounding noise; relative to the
    /// matrix's scale it is. Accuracy is then the backward-stable n·ε·‖A‖, checked through A V = V Λ and VᵀV = I.
    /// </summary>
    [Theory]
    [InlineData(128, 1, 11)]
    [InlineData(128, 3, 12)]
    [InlineData(128, 10, 13)]
    [InlineData(64, 63, 14)]
    [InlineData(96, 0, 15)]
    [InlineData(368, 251, 16)]
    [InlineData(368, 251, 17)]
    [InlineData(200, 150, 18)]
    public void Converges_on_rank_deficient_and_graded_matrices(int n, int rank, int seed)
    {
        var rng = new Random(seed);
        double[,] a;
        if (rank > 0)
        {
            var x = new double[n, rank];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < rank; j++)
                    x[i, j] = (rng.NextDouble() * 2 - 1) * Math.Pow(10, 2 - 4.0 * j / rank); // column scales 1e2 … 1e-2
            a = Multiply(x, Transpose(x));
        }
        else
        {
            // Graded: 1, 1e-10, 1e-20, …, down to 1e-300, then exact zeros, in a random orthogonal basis.
            var values = Enumerable.Range(0, n).Select(i => i <= 30 ? Math.Pow(10, -10 * i) : 0.0).ToArray();
            var q = Orthogonal(n, rng);
            a = Multiply(Multiply(q, Diagonal(values)), Transpose(q));
        }
        double norm = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                norm = Math.Max(norm, Math.Abs(a[i, j]));
        var eigen = SymmetricEigen.Decompose(a);
        var av = Multiply(a, eigen.Vectors);
        var vtv = Multiply(Transpose(eigen.Vectors), eigen.Vectors);
        double tolerance = 50 * n * 2.2e-16 * n * norm; // n·ε·‖A‖ with ‖A‖_2 ≤ n·max|a_ij|, and a margin of 50
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                Assert.Equal(eigen.Vectors[i, k] * eigen.Values[k], av[i, k], tolerance);
                Assert.Equal(i == k ? 1 : 0, vtv[i, k], 1e-12);
            }
        // A Gram matrix of rank r has n − r eigenvalues that are zero up to that tolerance, and none negative beyond it.
        if (rank > 0)
        {
            Assert.All(eigen.Values, v => Assert.True(v > -tolerance, $"eigenvalue {v} of a positive semi-definite matrix"));
            Assert.Equal(n - rank, eigen.Values.Count(v => Math.Abs(v) <= tolerance));
        }
    }
}
