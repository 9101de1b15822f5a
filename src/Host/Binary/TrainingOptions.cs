namespace FastAttractors;

/// <summary>
/// How to train sequence attractors (docs/explanations/binary-margin-rule.md). Defaults are the main variant: U and V learned, ±1 hidden code,
/// random-projection targets, batch schedule, κ = 1, η = 10⁻³, 500 epochs, zero initial weights, no biases. Only
/// κ/η matters when the initial weights are zero (or scaled with κ and η).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Which network and learning rule to train.</summary>
    public NetworkVariant Variant { get; init; } = NetworkVariant.HiddenUV;

    /// <summary>M: hidden neurons (the hidden variants). The visible-only variants ignore it; the two-layer Long Sequence
    /// Hopfield form always has one hidden unit per transition.</summary>
    public int Hidden { get; init; } = 500;

    /// <summary>The hidden code: ±1 or {0, 1}.</summary>
    public HiddenCode HiddenCode { get; init; } = HiddenCode.PlusMinusOne;

    /// <summary>How the hidden targets s(t) are chosen.</summary>
    public HiddenTargets Targets { get; init; } = HiddenTargets.RandomProjection;

    /// <summary>Fraction f of active hidden units per transition for <see cref="HiddenTargets.SparseProjection"/>, in (0, 1).</summary>
    public double Activity { get; init; } = 0.1;

    /// <summary>Batch (one update per epoch) or online (per transition) updates.</summary>
    public TrainingSchedule Schedule { get; init; } = TrainingSchedule.Batch;

    /// <summary>Whether biases are learned.</summary>
    public BiasMode Biases { get; init; } = BiasMode.None;

    /// <summary>κ &gt; 0: the margin every unit is trained to exceed, s·(field) ≥ κ.</summary>
    public double Kappa { get; init; } = 1;

    /// <summary>η &gt; 0: the learning rate. With zero initial weights, η = 2^−p and κ/η an integer, every weight stays
    /// on the grid η·ℤ, so float32 or float64 sums are exact in any order.</summary>
    public double Eta { get; init; } = 1e-3;

    /// <summary>The epoch limit per network.</summary>
    public int MaxEpochs { get; init; } = 500;

    /// <summary>Standard deviation of the N(0,1)·scale initial weights (learned matrices only); 0 starts from zero.</summary>
    public double InitialScale { get; init; }

    /// <summary>Seeds P, the fixed U of <see cref="NetworkVariant.HiddenVOnly"/> and the initial weights, per network by counter.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The separation function of the Long Sequence Hopfield variants.</summary>
    public SeparationFunction Separation { get; init; } = SeparationFunction.Polynomial;

    /// <summary>The degree d of f(m) = m^d (Long Sequence Hopfield, polynomial), at least 1.</summary>
    public int Degree { get; init; } = 3;

    /// <summary>The main variant with the defaults listed on the type.</summary>
    public static TrainingOptions Default { get; } = new();
}
