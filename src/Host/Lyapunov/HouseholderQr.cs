namespace FastAttractors.Lyapunov;

/// <summary>
/// Thin QR of an n × k matrix (k ≤ n, column-major: column c at c·n) by Householder reflections, in float64: the
/// oracle's re-orthonormalisation and the float64 check of every other QR. Backward stable (Golub &amp; Van Loan §5.2),
/// unlike classical Gram–Schmidt, so nearly dependent tangent vectors (strongly contracting directions) stay orthonormal.
/// </summary>
internal static class HouseholderQr
{
    /// <summary>Replaces <paramref name="a"/> by Q (orthonormal columns) and writes the diagonal of R to <paramref name="rDiagonal"/>.</summary>
    /// <param name="work">At least n·k + n values of scratch.</param>
    public static void Factor(Span<double> a, int n, int k, Span<double> rDiagonal, Span<double> work)
    {
        if (k < 1 || k > n || a.Length < n * k || rDiagonal.Length < k || work.Length < n * k + n)
            throw new ArgumentException($"Householder QR: shapes do not match (n = {n}, k = {k}).");
        var v = work[..(n * k)]; // reflector j lives in column j, rows j..n-1
        var column = work.Slice(n * k, n);
        for (int j = 0; j < k; j++)
        {
            var aj = a.Slice(j * n, n);
            double norm = 0;
            for (int i = j; i < n; i++)
                norm += aj[i] * aj[i];
            norm = Math.Sqrt(norm);
            // Reflect onto −sign(a_jj)·|a_j| e_j: adding the norm with a_jj's sign avoids cancellation.
            double alpha = aj[j] >= 0 ? -norm : norm;
            var vj = v.Slice(j * n, n);
            vj.Clear();
            double vNorm2 = 0;
            for (int i = j; i < n; i++)
            {
                vj[i] = aj[i];
                if (i == j)
                    vj[i] -= alpha;
                vNorm2 += vj[i] * vj[i];
            }
            rDiagonal[j] = alpha;
            if (vNorm2 == 0)
                continue; // column already zero below and on the diagonal: R_jj = 0, H_j = I
            double scale = 1.0 / Math.Sqrt(vNorm2);
            for (int i = j; i < n; i++)
                vj[i] *= scale;
            for (int c = j + 1; c < k; c++)
                Reflect(vj, a.Slice(c * n, n), j, n);
        }
        // Q = H_0 H_1 … H_{k−1} [I_k; 0], built column by column from the right.
        for (int c = 0; c < k; c++)
        {
            column.Clear();
            column[c] = 1;
            for (int j = Math.Min(c, k - 1); j >= 0; j--)
                Reflect(v.Slice(j * n, n), column, j, n);
            column.CopyTo(a.Slice(c * n, n));
        }
    }

    /// <summary>x ← (I − 2 v vᵀ) x for a unit v supported on rows from..n−1.</summary>
    private static void Reflect(ReadOnlySpan<double> v, Span<double> x, int from, int n)
    {
        double dot = 0;
        for (int i = from; i < n; i++)
            dot += v[i] * x[i];
        dot *= 2;
        for (int i = from; i < n; i++)
            x[i] -= dot * v[i];
    }
}
