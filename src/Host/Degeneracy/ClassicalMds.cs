namespace FastAttractors.Degeneracy;

/// <summary>A low-dimensional embedding of a distance matrix.</summary>
/// <param name="Coordinates">points × dimensions, in the distances' units, centred at the origin.</param>
/// <param name="Eigenvalues">All eigenvalues of the double-centred matrix B, descending. Negative ones mean the
/// distances are not Euclidean; Σ of the kept ones over Σ |all| says how much the embedding explains.</param>
public sealed record MdsEmbedding(double[,] Coordinates, double[] Eigenvalues);

/// <summary>
/// Classical (Torgerson) multidimensional scaling: B = −½ J D⁽²⁾ J with D⁽²⁾ the squared distances and J = I − 11ᵀ/N,
/// then coordinates X_k = v_k √max(λ_k, 0) from B's k leading eigenpairs (<see cref="SymmetricEigen"/>). For distances
/// between points of a k-dimensional Euclidean configuration it recovers that configuration exactly (to rounding) up to
/// translation, rotation and reflection; otherwise it is the best rank-k fit of B (the strain). The full
/// eigen-decomposition costs about 9N³ flops: seconds for a thousand networks.
/// </summary>
public static class ClassicalMds
{
    /// <summary>Embeds N points in <paramref name="dimensions"/> dimensions from their pairwise distances.</summary>
    /// <param name="distances">N × N distances: finite, non-negative, symmetric, zero diagonal.</param>
    /// <param name="dimensions">k: embedding dimensions, in [1, N].</param>
    /// <returns>N × k coordinates and all N eigenvalues of B.</returns>
    /// <exception cref="ArgumentException"><paramref name="distances"/> is not square, finite, symmetric, non-negative or zero on the diagonal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is outside [1, N].</exception>
    public static MdsEmbedding Embed(double[,] distances, int dimensions = 2)
    {
        Require.Square(distances, nameof(distances));
        Require.Finite(distances, nameof(distances));
        int count = distances.GetLength(0);
        Require.AtLeast(dimensions, 1, nameof(dimensions));
        Require.AtMost(dimensions, count, nameof(dimensions));
        for (int i = 0; i < count; i++)
        {
            if (distances[i, i] != 0)
                throw new ArgumentException($"'{nameof(distances)}'[{i}, {i}] must be 0, got {distances[i, i]}.", nameof(distances));
            for (int j = 0; j < count; j++)
            {
                if (distances[i, j] < 0)
                    throw new ArgumentException($"'{nameof(distances)}'[{i}, {j}] must be non-negative, got {distances[i, j]}.", nameof(distances));
                // Asymmetry beyond rounding is a caller error (e.g. a transposed or half-filled matrix).
                if (Math.Abs(distances[i, j] - distances[j, i]) > 1e-9 * (Math.Abs(distances[i, j]) + Math.Abs(distances[j, i])))
                    throw new ArgumentException($"'{nameof(distances)}' must be symmetric: [{i}, {j}] = {distances[i, j]} but [{j}, {i}] = {distances[j, i]}.", nameof(distances));
            }
        }
        var b = new double[count, count];
        var rowMeans = new double[count];
        double totalMean = 0;
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                double d2 = distances[i, j] * distances[i, j];
                b[i, j] = d2;
                rowMeans[i] += d2;
            }
            rowMeans[i] /= count;
            totalMean += rowMeans[i];
        }
        totalMean /= count;
        for (int i = 0; i < count; i++)
            for (int j = 0; j < count; j++)
                b[i, j] = -0.5 * (b[i, j] - rowMeans[i] - rowMeans[j] + totalMean);
        var eigen = SymmetricEigen.Decompose(b);
        var coordinates = new double[count, dimensions];
        for (int k = 0; k < dimensions; k++)
        {
            double scale = Math.Sqrt(Math.Max(eigen.Values[k], 0));
            for (int i = 0; i < count; i++)
                coordinates[i, k] = eigen.Vectors[i, k] * scale;
        }
        return new MdsEmbedding(coordinates, eigen.Values);
    }
}
