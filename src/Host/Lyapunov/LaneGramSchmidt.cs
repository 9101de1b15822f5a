using System.Runtime.CompilerServices;
using System.Numerics;
using FastAttractors.Simd;

namespace FastAttractors.Lyapunov;

/// <summary>
/// Thin QR of one n × k frame per lane (column-major lane vectors: column c at c·n) by modified Gram–Schmidt applied
/// twice: one pass loses orthogonality in proportion to the condition number, the second restores it to rounding level
/// ("twice is enough", Giraud, Langou &amp; Rozložník 2005) — the frames here are ill-conditioned by design, since
/// contracting directions shrink by e^{λ_k Δt} between re-orthonormalisations. R_jj is the norm left after both passes.
/// </summary>
internal static class LaneGramSchmidt
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Factor<T>(Span<Vector<T>> q, int n, int k, Span<Vector<T>> rDiagonal) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (k < 1 || k > n || q.Length < n * k || rDiagonal.Length < k)
            throw new ArgumentException($"Gram–Schmidt QR: shapes do not match (n = {n}, k = {k}).");
        for (int j = 0; j < k; j++)
        {
            var v = q.Slice(j * n, n);
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < j; i++)
                {
                    var u = q.Slice(i * n, n);
                    var dot = Vector<T>.Zero;
                    for (int r = 0; r < v.Length; r++)
                        dot = SimdMath.Fma(u[r], v[r], dot);
                    var minusDot = -dot;
                    for (int r = 0; r < v.Length; r++)
                        v[r] = SimdMath.Fma(minusDot, u[r], v[r]);
                }
            }
            var norm2 = Vector<T>.Zero;
            for (int r = 0; r < v.Length; r++)
                norm2 = SimdMath.Fma(v[r], v[r], norm2);
            var norm = Vector.SquareRoot(norm2);
            rDiagonal[j] = norm;
            var inverse = Vector<T>.One / norm;
            for (int r = 0; r < v.Length; r++)
                v[r] *= inverse;
        }
    }
}
