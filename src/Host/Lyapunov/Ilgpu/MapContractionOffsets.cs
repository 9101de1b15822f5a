using FastAttractors.Models;

namespace FastAttractors.Lyapunov.Ilgpu;

/// <summary>
/// The state-independent part of a map's log |det J| per member, computed once on the host in float64 by LU:
/// log |det W| for TanhOfLinear maps (J = diag(sech²(W x)) W), log |det A| for Linear maps; zero for everything else,
/// whose kernel tangent computes the whole contraction itself.
/// </summary>
internal static class MapContractionOffsets
{
    public static double[] Compute(LyapunovPlan plan)
    {
        var offsets = new double[plan.Members];
        var matrix = plan.Problem.Model switch
        {
            Linear { Kind: DynamicsKind.Map } linear => linear.A,
            TanhOfLinear { Kind: DynamicsKind.Map } tanh => tanh.W,
            _ => null,
        };
        if (matrix is null || !plan.FullSpectrum)
            return offsets;
        int n = plan.N;
        if (!matrix.PerMember)
        {
            Array.Fill(offsets, LogDeterminantCache.Compute(matrix, n, 0));
            return offsets;
        }
        Parallel.For(0, plan.Members, m => offsets[m] = LogDeterminantCache.Compute(matrix, n, m));
        return offsets;
    }
}
