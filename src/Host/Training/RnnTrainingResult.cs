// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training;

/// <summary>
/// The outcome of <see cref="RnnTrainer.Train"/>: the log, the initial and final parameters, and, when a loss or gradient
/// became non-finite, <see cref="Failure"/> (a sentence naming the step) with <see cref="Final"/> = the last parameters
/// whose loss was finite (the last good checkpoint).
/// </summary>
public sealed record RnnTrainingResult(RnnParameters Initial, RnnParameters Final, IReadOnlyList<RnnEvaluation> Log, long Steps, string? Failure)
{
    public bool Diverged => Failure is not null;
}
