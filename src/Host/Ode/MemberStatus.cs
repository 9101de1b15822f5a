namespace FastAttractors;

/// <summary>Per-member outcome of a run.</summary>
public enum MemberStatus
{
    /// <summary>The member completed every step with finite states.</summary>
    Ok = 0,

    /// <summary>A step produced NaN or ±∞: the member was frozen at its last finite state; the others are unaffected.</summary>
    NonFinite = 1,
}
