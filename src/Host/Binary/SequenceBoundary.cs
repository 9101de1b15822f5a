namespace FastAttractors;

/// <summary>Whether the last pattern of a stored sequence leads back to the first.</summary>
public enum SequenceBoundary
{
    /// <summary>ξ(T) → ξ(1): T transitions, recall can run forever.</summary>
    Periodic,

    /// <summary>ξ(T) has no successor: T − 1 transitions.</summary>
    Open,
}
