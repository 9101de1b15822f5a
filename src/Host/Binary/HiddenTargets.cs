namespace FastAttractors;

/// <summary>
/// How the sign targets s_i(t) ∈ {−1, +1} of the hidden units are chosen (docs/explanations/binary-margin-rule.md). The unit is trained towards
/// s_i(t) (Uξ(t))_i ≥ κ; the value it passes on is s_i(t) or (1 + s_i(t)) / 2 depending on <see cref="HiddenCode"/>.
/// </summary>
public enum HiddenTargets
{
    /// <summary>s(t) = sgn(P ξ(t+1)) with P (M×N) fixed N(0,1), drawn from (seed, network).</summary>
    RandomProjection,

    /// <summary>s_i(t) = +1 for the round(f·M) largest (P ξ(t+1))_i (ties to the lower index), −1 otherwise; f = <see cref="TrainingOptions.Activity"/>.</summary>
    SparseProjection,

    /// <summary>s_i(t) = +1 iff i = t (one active unit per transition); needs M ≥ number of transitions.</summary>
    OneHot,
}
