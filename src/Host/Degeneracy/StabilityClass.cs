namespace FastAttractors.Degeneracy;

/// <summary>
/// Linear stability of a fixed or slow point from the eigenvalues λ of the dynamics' Jacobian there. A direction is
/// unstable when |λ| &gt; 1 + margin (map) or Re λ &gt; margin (flow), marginal when within the margin of the boundary.
/// </summary>
public enum StabilityClass
{
    /// <summary>Every direction strictly stable: an attractor.</summary>
    Stable,

    /// <summary>No unstable direction but at least one marginal one (e.g. a point on a line attractor).</summary>
    Marginal,

    /// <summary>Some, but not all, directions unstable (count in <see cref="CriticalPoint.UnstableDirections"/>).</summary>
    Saddle,

    /// <summary>Every direction unstable: a repeller.</summary>
    Unstable,
}
