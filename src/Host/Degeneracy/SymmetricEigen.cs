namespace FastAttractors.Degeneracy;

/// <summary>Eigenvalues (descending) and orthonormal eigenvectors (the columns of <see cref="Vectors"/>) of a real symmetric matrix.</summary>
public sealed record SymmetricEigenDecomposition(double[] Values, double[,] Vectors);

/// <summary>
/// Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method (Golub &amp; Van Loan §8.5): plane
/// rotations zero one off-diagonal pair at a time until the off-diagonal mass is below ε·‖A‖_F. Slower than
/// tridiagonal QR (about 5–10 sweeps of O(n³) each) but simple and accurate to high relative precision; meant
/// for the Gram, covariance and double-centred distance matrices of the degeneracy analyses (a few hundred rows).
/// Only the lower triangle's mirror is assumed: the input is symmetrised as (A + Aᵀ)/2.
/// </summary>
public static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <exception cref="ArgumentException">Not square, empty or not finite.</exception>
    public static SymmetricEigenDecomposition Decompose(double[,] matrix)
    {
        Require.Square(matrix, nameof(matrix));
        Require.Finite(matrix, nameof(matrix));
        int n = matrix.GetLength(0);
        var a = new double[n, n];
        var vectors = new double[n, n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            vectors[i, i] = 1;
            for (int j = 0; j < n; j++)
            {
                a[i, j] = 0.5 * (matrix[i, j] + matrix[j, i]);
                total += a[i, j] * a[i, j];
            }
        }
        double tolerance = 1e-32 * total; // (ε·‖A‖_F)² with ε ≈ 1e-16
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                    off += a[p, q] * a[p, q];
            }
            if (off <= tolerance || off == 0) break;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0) continue;
                    Rotate(a, vectors, p, q, n);
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ToArray();
        var values = new double[n];
        var sorted = new double[n, n];
        for (int k = 0; k < n; k++)
        {
            values[k] = a[order[k], order[k]];
            for (int i = 0; i < n; i++)
                sorted[i, k] = vectors[i, order[k]];
        }
        return new SymmetricEigenDecomposition(values, sorted);
    }

    /// <summary>A ← Jᵀ A J with the rotation J in the (p, q) plane that zeros a_pq; V ← V J.</summary>
    private static void Rotate(double[,] a, double[,] v, int p, int q, int n)
    {
        double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
        // The smaller rotation angle (|t| ≤ 1) keeps the iteration convergent; for huge θ, t ≈ 1/(2θ) without overflow.
        double t = double.IsInfinity(theta * theta)
            ? 0.5 / theta
            : Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        a[p, q] = a[q, p] = 0; // zero by construction; set exactly so rounding does not linger
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
