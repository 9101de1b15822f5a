namespace FastAttractors.Degeneracy;

/// <summary>Eigenvalues (descending) and orthonormal eigenvectors (the columns of <see cref="Vectors"/>) of a real symmetric matrix.</summary>
/// <param name="Values">The n eigenvalues, descending.</param>
/// <param name="Vectors">n × n; column k is the unit eigenvector of <paramref name="Values"/>[k].</param>
public sealed record SymmetricEigenDecomposition(double[] Values, double[,] Vectors);

/// <summary>
/// Eigen-decomposition of a real symmetric matrix: Householder reduction to tridiagonal form, then the implicit QL
/// iteration with Wilkinson shifts, accumulating the eigenvectors (the EISPACK <c>tred2</c> / <c>tql2</c> pair,
/// Wilkinson &amp; Reinsch 1971; Golub &amp; Van Loan §8.3). Backward stable: eigenvalues are accurate to about
/// n·ε·‖A‖ (absolute) and eigenvectors orthonormal to rounding; about 9n³ flops. Used for the covariance and Gram
/// matrices of DMD and the double-centred distance matrices of MDS. The input is symmetrised as (A + Aᵀ)/2.
/// </summary>
public static class SymmetricEigen
{
    private const int MaxIterationsPerEigenvalue = 60;

    /// <summary>Eigenvalues (descending) and orthonormal eigenvectors of the symmetric part of <paramref name="matrix"/> (n × n).</summary>
    /// <exception cref="ArgumentException">Not square, empty or not finite.</exception>
    public static SymmetricEigenDecomposition Decompose(double[,] matrix)
    {
        Require.Square(matrix, nameof(matrix));
        Require.Finite(matrix, nameof(matrix));
        int n = matrix.GetLength(0);
        var z = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                z[i, j] = 0.5 * (matrix[i, j] + matrix[j, i]);
        var d = new double[n];
        var e = new double[n];
        Tridiagonalise(z, d, e);
        QlImplicit(z, d, e);
        var order = Enumerable.Range(0, n).OrderByDescending(i => d[i]).ToArray();
        var values = new double[n];
        var vectors = new double[n, n];
        for (int k = 0; k < n; k++)
        {
            values[k] = d[order[k]];
            for (int i = 0; i < n; i++)
                vectors[i, k] = z[i, order[k]];
        }
        return new SymmetricEigenDecomposition(values, vectors);
    }

    /// <summary>
    /// Householder tridiagonalisation (tred2): on return <paramref name="d"/> holds the diagonal, <paramref name="e"/>
    /// the subdiagonal in e[1..n−1], and <paramref name="z"/> the orthogonal transform Q with A = Q T Qᵀ.
    /// </summary>
    private static void Tridiagonalise(double[,] z, double[] d, double[] e)
    {
        int n = d.Length;
        for (int i = n - 1; i > 0; i--)
        {
            int l = i - 1;
            double h = 0, scale = 0;
            if (l > 0)
            {
                for (int k = 0; k < i; k++) scale += Math.Abs(z[i, k]);
                if (scale == 0)
                {
                    e[i] = z[i, l]; // the row is already reduced
                }
                else
                {
                    // Scaling by the row's 1-norm avoids under/overflow in the reflector's norm.
                    for (int k = 0; k < i; k++)
                    {
                        z[i, k] /= scale;
                        h += z[i, k] * z[i, k];
                    }
                    double f = z[i, l];
                    double g = f >= 0 ? -Math.Sqrt(h) : Math.Sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    z[i, l] = f - g;
                    f = 0;
                    for (int j = 0; j < i; j++)
                    {
                        z[j, i] = z[i, j] / h; // stored for the accumulation of Q below
                        g = 0;
                        for (int k = 0; k <= j; k++) g += z[j, k] * z[i, k];
                        for (int k = j + 1; k < i; k++) g += z[k, j] * z[i, k];
                        e[j] = g / h;
                        f += e[j] * z[i, j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j < i; j++)
                    {
                        f = z[i, j];
                        e[j] = g = e[j] - hh * f;
                        for (int k = 0; k <= j; k++) z[j, k] -= f * e[k] + g * z[i, k];
                    }
                }
            }
            else
            {
                e[i] = z[i, l];
            }
            d[i] = h;
        }
        d[0] = 0;
        e[0] = 0;
        // Accumulate Q from the stored reflectors.
        for (int i = 0; i < n; i++)
        {
            if (d[i] != 0)
            {
                for (int j = 0; j < i; j++)
                {
                    double g = 0;
                    for (int k = 0; k < i; k++) g += z[i, k] * z[k, j];
                    for (int k = 0; k < i; k++) z[k, j] -= g * z[k, i];
                }
            }
            d[i] = z[i, i];
            z[i, i] = 1;
            for (int j = 0; j < i; j++) z[j, i] = z[i, j] = 0;
        }
    }

    /// <summary>Implicit QL with Wilkinson shifts on the tridiagonal (d, e) (tql2/tqli); rotates the columns of z along.</summary>
    private static void QlImplicit(double[,] z, double[] d, double[] e)
    {
        int n = d.Length;
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0;
        // An off-diagonal element is negligible relative to the whole matrix's scale, as in EISPACK's tql2. Relative to
        // its neighbours alone (|e_m| ≤ ε (|d_m| + |d_m+1|)) the test can never be met inside a cluster of eigenvalues
        // that are zero to rounding (a rank-deficient Gram matrix): there d and e are both noise of the same size, and
        // the iteration ran out of sweeps. Splitting at ε·‖T‖ keeps the backward-stable accuracy of n·ε·‖A‖.
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(d[i]) + Math.Abs(e[i]));
        for (int l = 0; l < n; l++)
        {
            int iterations = 0;
            int m;
            do
            {
                // Find a negligible off-diagonal element: the matrix splits there.
                for (m = l; m < n - 1; m++)
                {
                    if (Math.Abs(e[m]) <= 2.220446049250313e-16 * scale) break;
                }
                if (m == l) break;
                if (iterations++ == MaxIterationsPerEigenvalue)
                    throw new InvalidOperationException($"SymmetricEigen: the QL iteration did not converge after {iterations} sweeps.");
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.Abs(r) : -Math.Abs(r)));
                double s = 1, c = 1, p = 0;
                int i;
                for (i = m - 1; i >= l; i--)
                {
                    double f = s * e[i];
                    double b = c * e[i];
                    e[i + 1] = r = Hypot(f, g);
                    if (r == 0)
                    {
                        // Underflow: recover and restart this eigenvalue.
                        d[i + 1] -= p;
                        e[m] = 0;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    d[i + 1] = g + (p = s * r);
                    g = c * r - b;
                    for (int k = 0; k < n; k++)
                    {
                        f = z[k, i + 1];
                        z[k, i + 1] = s * z[k, i] + c * f;
                        z[k, i] = c * z[k, i] - s * f;
                    }
                }
                if (r == 0 && i >= l) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            } while (m != l);
        }
    }

    /// <summary>√(a² + b²) without destructive underflow or overflow.</summary>
    private static double Hypot(double a, double b)
    {
        double absA = Math.Abs(a), absB = Math.Abs(b);
        if (absA > absB) return absA * Math.Sqrt(1 + (absB / absA) * (absB / absA));
        return absB == 0 ? 0 : absB * Math.Sqrt(1 + (absA / absB) * (absA / absB));
    }
}
