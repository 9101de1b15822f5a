namespace FastAttractors;

/// <summary>The values a hidden neuron takes (±1 by default, or {0, 1}). Either way ζ is +1 / 1 when (Uξ)_i ≥ 0, since sgn(0) = +1.</summary>
public enum HiddenCode
{
    /// <summary>ζ_i = sgn((Uξ)_i) ∈ {−1, +1}.</summary>
    PlusMinusOne,

    /// <summary>ζ_i = (1 + sgn((Uξ)_i)) / 2 ∈ {0, 1}.</summary>
    ZeroOne,
}
