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
}
