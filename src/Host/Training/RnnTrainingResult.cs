namespace FastAttractors.Training;

/// <summary>
/// The outcome of <see cref="RnnTrainer.Train"/>: the log, the initial and final parameters, and, when a loss or gradient
/// became non-finite, <see cref="Failure"/> (a sentence naming the step) with <see cref="Final"/> = the last parameters
/// whose loss was finite (the last good checkpoint).
/// </summary>
/// <param name="Initial">Parameters before the first update.</param>
/// <param name="Final">Parameters after the last update (after the last finite-loss update when training diverged).</param>
/// <param name="Log">Evaluations in step order.</param>
/// <param name="Steps">Updates taken.</param>
/// <param name="Failure">Null on success; else a sentence naming the step where the loss or gradient became non-finite.</param>
public sealed record RnnTrainingResult(RnnParameters Initial, RnnParameters Final, IReadOnlyList<RnnEvaluation> Log, long Steps, string? Failure)
{
    /// <summary>Whether training stopped on a non-finite loss or gradient (<see cref="Failure"/> is set).</summary>
    public bool Diverged => Failure is not null;
}
