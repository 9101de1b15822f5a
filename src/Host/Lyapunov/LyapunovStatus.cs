namespace FastAttractors;

/// <summary>Per-member outcome of a Lyapunov estimate.</summary>
public enum LyapunovStatus : byte
{
    /// <summary>Converged: every standard error is within the tolerance.</summary>
    Ok = 0,

    /// <summary>The state or a tangent vector went non-finite; the member's exponents are NaN.</summary>
    Diverged = 1,

    /// <summary>Finite, but some standard error exceeds <see cref="LyapunovOptions.Tolerance"/>: integrate longer.</summary>
    NotConverged = 2,
}
