// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training;

/// <summary>
/// The loss of a minibatch: <see cref="Mean"/> = Σ ℓ / <see cref="Scored"/> over the scored (step, sequence) entries,
/// and how many of them were right (cross-entropy: arg max y = label; squared error: every |y_k − target_k| &lt; 0.25).
/// </summary>
public readonly record struct BatchLoss(double Sum, int Scored, int Correct)
{
    public double Mean => Scored == 0 ? 0 : Sum / Scored;
    public double Accuracy => Scored == 0 ? 0 : (double)Correct / Scored;

    /// <summary>Tolerance of the squared-error accuracy: outputs within it of every target count as right.</summary>
    public const double SquaredErrorTolerance = 0.25;
}
