using System.Numerics;

namespace FastAttractors.Degeneracy;

/// <summary>
/// All eigenvalues (complex, with multiplicity) of a real, dense, nonsymmetric n × n matrix: balancing, reduction to
/// upper Hessenberg form by stabilised elimination, then the Francis implicit double-shift QR iteration (the
/// EISPACK <c>balanc</c> / <c>elmhes</c> / <c>hqr</c> sequence, Wilkinson &amp; Reinsch 1971; Golub &amp; Van Loan §7.5).
/// Complex eigenvalues come in conjugate pairs, each pair computed from a real 2 × 2 block, so a pair is exactly
/// conjugate. Backward stable: each eigenvalue is exact for a matrix within about n·ε·‖A‖ of the input, so
/// well-conditioned eigenvalues are accurate to near machine precision and defective ones (Jordan blocks of size k)
/// only to about ε^(1/k). O(n³) time, n² scratch.
/// </summary>
public static class RealEigenvalues
{
    /// <summary>Most QR sweeps spent on one eigenvalue before giving up (exceptional shifts every tenth).</summary>
    private const int MaxIterationsPerEigenvalue = 60;

    /// <summary>
    /// The eigenvalues of <paramref name="matrix"/> (not modified), ordered by descending real part, then by
    /// descending imaginary part.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square, empty or has a non-finite entry.</exception>
    /// <exception cref="InvalidOperationException">The QR iteration did not converge (not seen for finite input).</exception>
    public static Complex[] Of(double[,] matrix)
    {
        Require.Square(matrix, nameof(matrix));
        Require.Finite(matrix, nameof(matrix));
        var a = (double[,])matrix.Clone();
        Balance(a);
        ReduceToHessenberg(a);
        var values = HessenbergQr(a);
        return values.OrderByDescending(v => v.Real).ThenByDescending(v => v.Imaginary).ToArray();
    }

    /// <summary>Spectral radius max |λ| of <paramref name="matrix"/>.</summary>
    public static double SpectralRadius(double[,] matrix) => Of(matrix).Max(v => v.Magnitude);

    /// <summary>
    /// Scales rows and columns by powers of two (exact in floating point) so that each row and its column have
    /// similar norms: a similarity transform that does not change the eigenvalues but reduces the rounding error
    /// of the QR iteration for badly scaled matrices.
    /// </summary>
    private static void Balance(double[,] a)
    {
        const double radix = 2.0;
        const double radixSquared = radix * radix;
        int n = a.GetLength(0);
        bool done = false;
        while (!done)
        {
            done = true;
            for (int i = 0; i < n; i++)
            {
                double r = 0, c = 0;
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    c += Math.Abs(a[j, i]);
                    r += Math.Abs(a[i, j]);
                }
                if (c == 0 || r == 0) continue;
                double g = r / radix, f = 1, s = c + r;
                while (c < g) { f *= radix; c *= radixSquared; }
                g = r * radix;
                while (c > g) { f /= radix; c /= radixSquared; }
                if ((c + r) / f < 0.95 * s)
                {
                    done = false;
                    double inverse = 1.0 / f;
                    for (int j = 0; j < n; j++) a[i, j] *= inverse;
                    for (int j = 0; j < n; j++) a[j, i] *= f;
                }
            }
        }
    }

    /// <summary>Gaussian elimination with pivoting, applied as a similarity (EISPACK elmhes); zeros below the subdiagonal.</summary>
    private static void ReduceToHessenberg(double[,] a)
    {
        int n = a.GetLength(0);
        for (int m = 1; m < n - 1; m++)
        {
            double x = 0;
            int pivotRow = m;
            for (int j = m; j < n; j++)
            {
                if (Math.Abs(a[j, m - 1]) > Math.Abs(x)) { x = a[j, m - 1]; pivotRow = j; }
            }
            if (pivotRow != m)
            {
                for (int j = m - 1; j < n; j++) (a[pivotRow, j], a[m, j]) = (a[m, j], a[pivotRow, j]);
                for (int j = 0; j < n; j++) (a[j, pivotRow], a[j, m]) = (a[j, m], a[j, pivotRow]);
            }
            if (x == 0) continue;
            for (int i = m + 1; i < n; i++)
            {
                double y = a[i, m - 1];
                if (y == 0) continue;
                y /= x;
                a[i, m - 1] = 0; // the multiplier is not kept: only the eigenvalues are wanted
                for (int j = m; j < n; j++) a[i, j] -= y * a[m, j];
                for (int j = 0; j < n; j++) a[j, m] += y * a[j, i];
            }
        }
    }

    /// <summary>Francis double-shift QR on the upper Hessenberg matrix <paramref name="a"/> (destroyed).</summary>
    private static Complex[] HessenbergQr(double[,] a)
    {
        int n = a.GetLength(0);
        var values = new Complex[n];
        double norm = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = Math.Max(i - 1, 0); j < n; j++)
                norm += Math.Abs(a[i, j]);
        }
        int nn = n - 1;
        double shift = 0;
        double p = 0, q = 0, r = 0, s, u, v, w, x, y, z;
        while (nn >= 0)
        {
            int iterations = 0;
            int l;
            do
            {
                // Look for a negligible subdiagonal element that splits the active block.
                for (l = nn; l > 0; l--)
                {
                    s = Math.Abs(a[l - 1, l - 1]) + Math.Abs(a[l, l]);
                    if (s == 0) s = norm;
                    if (Math.Abs(a[l, l - 1]) <= double.Epsilon + 2.220446049250313e-16 * s)
                    {
                        a[l, l - 1] = 0;
                        break;
                    }
                }
                x = a[nn, nn];
                if (l == nn)
                {
                    values[nn--] = new Complex(x + shift, 0); // one real root
                }
                else
                {
                    y = a[nn - 1, nn - 1];
                    w = a[nn, nn - 1] * a[nn - 1, nn];
                    if (l == nn - 1)
                    {
                        // A 2 × 2 block: its two roots in closed form.
                        p = 0.5 * (y - x);
                        q = p * p + w;
                        z = Math.Sqrt(Math.Abs(q));
                        x += shift;
                        if (q >= 0)
                        {
                            z = p + (p >= 0 ? Math.Abs(z) : -Math.Abs(z));
                            values[nn - 1] = values[nn] = new Complex(x + z, 0);
                            if (z != 0) values[nn] = new Complex(x - w / z, 0);
                        }
                        else
                        {
                            values[nn] = new Complex(x + p, -z);
                            values[nn - 1] = new Complex(x + p, z);
                        }
                        nn -= 2;
                    }
                    else
                    {
                        if (iterations == MaxIterationsPerEigenvalue)
                            throw new InvalidOperationException($"RealEigenvalues: the QR iteration did not converge after {iterations} sweeps.");
                        if (iterations > 0 && iterations % 10 == 0)
                        {
                            // Exceptional shift (EISPACK): breaks cycles of the standard Francis shift.
                            shift += x;
                            for (int i = 0; i <= nn; i++) a[i, i] -= x;
                            s = Math.Abs(a[nn, nn - 1]) + Math.Abs(a[nn - 1, nn - 2]);
                            y = x = 0.75 * s;
                            w = -0.4375 * s * s;
                        }
                        ++iterations;
                        int m;
                        // Find two consecutive small subdiagonal elements: start the bulge there.
                        for (m = nn - 2; m >= l; m--)
                        {
                            z = a[m, m];
                            r = x - z;
                            s = y - z;
                            p = (r * s - w) / a[m + 1, m] + a[m, m + 1];
                            q = a[m + 1, m + 1] - z - r - s;
                            r = a[m + 2, m + 1];
                            s = Math.Abs(p) + Math.Abs(q) + Math.Abs(r);
                            p /= s; q /= s; r /= s;
                            if (m == l) break;
                            u = Math.Abs(a[m, m - 1]) * (Math.Abs(q) + Math.Abs(r));
                            v = Math.Abs(p) * (Math.Abs(a[m - 1, m - 1]) + Math.Abs(z) + Math.Abs(a[m + 1, m + 1]));
                            if (u <= 2.220446049250313e-16 * v) break;
                        }
                        for (int i = m; i < nn - 1; i++)
                        {
                            a[i + 2, i] = 0;
                            if (i != m) a[i + 2, i - 1] = 0;
                        }
                        // Chase the bulge down with 3 × 3 Householder reflections.
                        for (int k = m; k < nn; k++)
                        {
                            if (k != m)
                            {
                                p = a[k, k - 1];
                                q = a[k + 1, k - 1];
                                r = 0;
                                if (k + 1 != nn) r = a[k + 2, k - 1];
                                if ((x = Math.Abs(p) + Math.Abs(q) + Math.Abs(r)) != 0)
                                {
                                    p /= x; q /= x; r /= x;
                                }
                            }
                            double magnitude = Math.Sqrt(p * p + q * q + r * r);
                            s = p >= 0 ? magnitude : -magnitude;
                            if (s == 0) continue;
                            if (k == m)
                            {
                                if (l != m) a[k, k - 1] = -a[k, k - 1];
                            }
                            else
                            {
                                a[k, k - 1] = -s * x;
                            }
                            p += s;
                            x = p / s; y = q / s; z = r / s;
                            q /= p; r /= p;
                            for (int j = k; j <= nn; j++)
                            {
                                p = a[k, j] + q * a[k + 1, j];
                                if (k + 1 != nn)
                                {
                                    p += r * a[k + 2, j];
                                    a[k + 2, j] -= p * z;
                                }
                                a[k + 1, j] -= p * y;
                                a[k, j] -= p * x;
                            }
                            int last = nn < k + 3 ? nn : k + 3;
                            for (int i = l; i <= last; i++)
                            {
                                p = x * a[i, k] + y * a[i, k + 1];
                                if (k + 1 != nn)
                                {
                                    p += z * a[i, k + 2];
                                    a[i, k + 2] -= p * r;
                                }
                                a[i, k + 1] -= p * q;
                                a[i, k] -= p;
                            }
                        }
                    }
                }
            } while (l + 1 < nn);
        }
        return values;
    }
}
