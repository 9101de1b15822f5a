namespace FastAttractors.Training;

/// <summary>
/// The loss of a minibatch: <see cref="Mean"/> = Σ ℓ / <see cref="Scored"/> over the scored (step, sequence) entries,
/// and how many of them were right (cross-entropy: arg max y = label; squared error: every |y_k − target_k| &lt; 0.25).
/// </summary>
/// <param name="Sum">Σ ℓ over the scored entries.</param>
/// <param name="Scored">Number of scored (step, sequence) entries.</param>
/// <param name="Correct">How many scored entries were right.</param>
public readonly record struct BatchLoss(double Sum, int Scored, int Correct)
{
    /// <summary>Mean loss per scored entry; 0 when nothing is scored.</summary>
    public double Mean => Scored == 0 ? 0 : Sum / Scored;
    /// <summary>Fraction of scored entries that were right, in [0, 1]; 0 when nothing is scored.</summary>
    public double Accuracy => Scored == 0 ? 0 : (double)Correct / Scored;

    /// <summary>Tolerance of the squared-error accuracy: outputs within it of every target count as right.</summary>
    public const double SquaredErrorTolerance = 0.25;
}
