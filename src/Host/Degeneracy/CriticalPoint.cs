using System.Numerics;

namespace FastAttractors.Degeneracy;

/// <summary>
/// One fixed or slow point found by <see cref="FixedPointFinder"/>, after deduplication.
/// </summary>
/// <param name="State">The point h (n values).</param>
/// <param name="Speed">q(h) = ½‖r(h)‖² at the point (see <see cref="TanhNetwork"/> for r and its units).</param>
/// <param name="IsFixedPoint">True when q ≤ <see cref="FixedPointOptions.FixedPointSpeed"/> · max(1, ‖h‖²); otherwise a slow point.</param>
/// <param name="Eigenvalues">Eigenvalues of the dynamics' Jacobian at the point (DF for maps, Df for flows), by
/// descending real part (<see cref="RealEigenvalues"/>); empty when <see cref="FixedPointOptions.ComputeEigenvalues"/> is off.</param>
/// <param name="Stability">Stability class from the eigenvalues.</param>
/// <param name="UnstableDirections">Number of eigenvalues beyond the stability boundary (with multiplicity).</param>
/// <param name="MarginalDirections">Number of eigenvalues within <see cref="FixedPointOptions.StabilityMargin"/> of the boundary.</param>
/// <param name="Hits">How many starts converged to this point (within the deduplication distance).</param>
public sealed record CriticalPoint(
    double[] State,
    double Speed,
    bool IsFixedPoint,
    Complex[] Eigenvalues,
    StabilityClass Stability,
    int UnstableDirections,
    int MarginalDirections,
    int Hits);

/// <summary>The distinct fixed and slow points of one network, slowest first.</summary>
/// <param name="Points">Distinct points whose relative speed is at most <see cref="FixedPointOptions.SlowPointSpeed"/>.</param>
/// <param name="Starts">Number of starting states searched.</param>
/// <param name="Rejected">Starts whose minimisation ended faster than the slow-point threshold (not points at all).</param>
public sealed record NetworkCriticalPoints(IReadOnlyList<CriticalPoint> Points, int Starts, int Rejected)
{
    /// <summary>The points that count as fixed points (<see cref="CriticalPoint.IsFixedPoint"/>), slowest first.</summary>
    public IEnumerable<CriticalPoint> FixedPoints => Points.Where(p => p.IsFixedPoint);
    /// <summary>The slow points: below the slow-point speed but not fixed points, slowest first.</summary>
    public IEnumerable<CriticalPoint> SlowPoints => Points.Where(p => !p.IsFixedPoint);
}
