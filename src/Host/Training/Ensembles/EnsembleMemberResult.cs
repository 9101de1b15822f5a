namespace FastAttractors.Training;

/// <summary>How a member's training ended.</summary>
public enum EnsembleMemberStatus
{
    /// <summary>The test loss stayed at or below the threshold through the patience: stopped early.</summary>
    Converged,

    /// <summary>The budget (epochs or steps) ran out first.</summary>
    Completed,

    /// <summary>A loss or gradient became non-finite; the last parameters with a finite loss are kept.</summary>
    Diverged,

    /// <summary>An unexpected error stopped this member alone (message in <see cref="EnsembleMemberResult.Failure"/>); the
    /// others went on.</summary>
    Failed,
}

/// <summary>
/// One member's outcome: its spec, status, initial and final parameters, evaluation log and number of updates.
/// <see cref="Failure"/> names the step for a diverged member.
/// </summary>
/// <param name="Spec">The member's spec.</param>
/// <param name="Status">How its training ended.</param>
/// <param name="Initial">Parameters before the first update.</param>
/// <param name="Final">Parameters at the end (the last ones with a finite loss for a diverged member).</param>
/// <param name="Log">Evaluations in step order.</param>
/// <param name="Steps">Updates taken.</param>
/// <param name="Failure">Null unless the member diverged or failed; then a sentence saying where and why.</param>
public sealed record EnsembleMemberResult(EnsembleMemberSpec Spec, EnsembleMemberStatus Status, RnnParameters Initial, RnnParameters Final,
    IReadOnlyList<RnnEvaluation> Log, long Steps, string? Failure)
{
    /// <summary>The test loss at the last evaluation (NaN when there was none).</summary>
    public double FinalTestLoss => Log.Count == 0 ? double.NaN : Log[^1].TestLoss;
}
