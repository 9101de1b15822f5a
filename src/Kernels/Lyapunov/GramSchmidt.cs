using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// Thin QR of one member's tangent frame inside a kernel by modified Gram–Schmidt applied twice ("twice is enough",
/// Giraud et al. 2005): one pass loses orthogonality in proportion to κ(Q), a second restores it to rounding level
/// whenever κ·ε &lt; 1, with no work arrays beyond the frame. Column norms are taken in float64 (no overflow or
/// underflow of |v|² in float32), and log |R_jj| is returned in float64 for the block sums.
/// </summary>
public static class GramSchmidt
{
    /// <summary>Orthogonalises column j against columns 0..j−1 (already orthonormal), normalises it, returns log R_jj.</summary>
    public static double Column<T, TFrame>(TFrame q, int n, int j)
        where T : unmanaged, IReal<T>
        where TFrame : struct, IFrame<T>
    {
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < j; i++)
            {
                var dot = T.FromDouble(0.0);
                for (int r = 0; r < n; r++)
                    dot += q.Get(r, i) * q.Get(r, j);
                for (int r = 0; r < n; r++)
                    q.Set(r, j, q.Get(r, j) - dot * q.Get(r, i));
            }
        }
        double norm2 = 0;
        for (int r = 0; r < n; r++)
        {
            double v = q.Get(r, j).ToDouble();
            norm2 += v * v;
        }
        double norm = Math.Sqrt(norm2);
        // A zero column (a singular map) gives a NaN column and the member is flagged diverged at its next step.
        var scale = T.FromDouble(1.0 / norm);
        for (int r = 0; r < n; r++)
            q.Set(r, j, q.Get(r, j) * scale);
        return Math.Log(norm);
    }
}
