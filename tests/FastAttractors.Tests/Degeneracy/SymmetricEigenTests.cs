using FastAttractors.Degeneracy;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

public class SymmetricEigenTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(30, 3)]
    public void Recovers_a_spectrum_built_by_an_orthogonal_similarity(int n, int seed)
    {
        var rng = new Random(seed);
        var q = Orthogonal(n, rng);
        var values = Enumerable.Range(0, n).Select(i => 3.0 - i * 0.7 + (i % 3 == 0 ? 0 : 0.01)).ToArray();
        var a = Multiply(Multiply(q, Diagonal(values)), Transpose(q));
        var eigen = SymmetricEigen.Decompose(a);
        var sorted = values.OrderByDescending(v => v).ToArray();
        // Symmetric eigenvalues are perfectly conditioned: error ≲ n·ε·‖A‖ ≈ 1e-13 at n = 30.
        for (int k = 0; k < n; k++) Assert.Equal(sorted[k], eigen.Values[k], 1e-12);
        // A V = V Λ and VᵀV = I to rounding.
        var av = Multiply(a, eigen.Vectors);
        var vtv = Multiply(Transpose(eigen.Vectors), eigen.Vectors);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                Assert.Equal(eigen.Vectors[i, k] * eigen.Values[k], av[i, k], 1e-11);
                Assert.Equal(i == k ? 1 : 0, vtv[i, k], 1e-12);
            }
    }
}
