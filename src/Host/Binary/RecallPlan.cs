namespace FastAttractors.Binary;

/// <summary>A validated recall request.</summary>
internal sealed record RecallPlan(TrainingResult Trained, RecallOptions Options)
{
    /// <summary>The step budget of <see cref="RecallCriterion.ReachesSequence"/>: the state must reach the sequence within 5T steps.</summary>
    public int SearchSteps => 5 * Trained.Sequences.Length;

    public static RecallPlan Create(TrainingResult trained, RecallOptions? options)
    {
        ArgumentNullException.ThrowIfNull(trained);
        options ??= RecallOptions.Default;
        int n = trained.Visible;
        if (options.FlippedBits < 0 || options.FlippedBits > n)
            throw new ArgumentOutOfRangeException(nameof(options), options.FlippedBits, $"FlippedBits (k) must be between 0 and N = {n}, got {options.FlippedBits}.");
        if (options.Trials < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Trials, $"Trials must be at least 1, got {options.Trials}.");
        if (!Enum.IsDefined(options.Criterion))
            throw new ArgumentOutOfRangeException(nameof(options), options.Criterion,
                $"Criterion: unknown value {options.Criterion}; valid: {string.Join(", ", Enum.GetNames<RecallCriterion>())}.");
        if (!Enum.IsDefined(options.Precision))
            throw new ArgumentOutOfRangeException(nameof(options), options.Precision,
                $"Precision: unknown value {options.Precision}; valid: {string.Join(", ", Enum.GetNames<Precision>())}.");
        return new RecallPlan(trained, options);
    }
}
