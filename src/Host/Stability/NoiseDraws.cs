namespace FastAttractors;

/// <summary>How the noise of different σ points relates.</summary>
public enum NoiseDraws
{
    /// <summary>Every (σ point, member) pair has its own ξ: the σ points are independent samples.</summary>
    IndependentPerSigma = 0,

    /// <summary>
    /// Member m uses the same direction ξ_m at every σ (common random numbers): each member walks one ray W + σ ξ_m,
    /// so curves over σ are smoother and the grid can be refined without redrawing.
    /// </summary>
    CommonDirections = 1,
}
