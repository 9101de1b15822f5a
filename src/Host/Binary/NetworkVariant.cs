namespace FastAttractors;

/// <summary>Which network and learning rule (docs/explanations/binary-margin-rule.md, "The variants").</summary>
public enum NetworkVariant
{
    /// <summary>Visible → hidden U (M×N) and hidden → visible V (N×M), both learned by the margin rule. The main variant.</summary>
    HiddenUV,

    /// <summary>U fixed N(0,1) from (seed, network), only V learned (on the actual hidden state sgn(Uξ)).</summary>
    HiddenVOnly,

    /// <summary>Visible-only W (N×N), ξ' = sgn(Wξ), learned by the same margin rule.</summary>
    VisiblePerceptron,

    /// <summary>Classic asymmetric Hebbian W = (1/N) Σ_t ξ(t+1) ξ(t)ᵀ, one shot.</summary>
    Hebbian,

    /// <summary>Long Sequence Hopfield Memory (Chaudhry et al. 2023): ξ' = sgn(Σ_t ξ(t+1) f(m_t(ξ))), m_t = ξ(t)·ξ / N.</summary>
    LongSequenceHopfield,

    /// <summary>The same dynamics as two layers: one hidden unit per transition, ζ_t = f((Uξ)_t / N) with U rows ξ(t), V columns ξ(t+1).</summary>
    LongSequenceHopfieldTwoLayer,
}
