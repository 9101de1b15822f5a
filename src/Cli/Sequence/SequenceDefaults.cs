namespace FastAttractors.Cli.Sequence;

/// <summary>
/// The embedded default of each <c>sequence</c> subcommand: small enough to finish in seconds on the Reference path,
/// large enough to show the effect (the full capacity experiment is a matter of flags, see docs/results/sequence-capacity.md).
/// </summary>
internal static class SequenceDefaults
{
    private static readonly SequenceSettings Base = new()
    {
        Variants = [NetworkVariant.HiddenUV],
        Data = SequenceDataKind.Random,
        Hidden = 200,
        Length = 20,
        Networks = 4,
        Trials = 5,
        Flipped = 10,
        Kappa = 1,
        Eta = 1e-3,
        MaxEpochs = 500,
        Schedule = TrainingSchedule.Batch,
        HiddenCode = HiddenCode.PlusMinusOne,
        Criterion = RecallCriterion.ExactFromFirstStep,
        Seed = 1,
    };

    /// <summary>Clean recall (k = 0): the stored sequence must come back exactly (a guarantee of the margin rule once training has converged).</summary>
    public static SequenceSettings Train { get; } = Base with { Flipped = 0, Trials = 1 };

    public static SequenceSettings Recall { get; } = Base;

    public static SequenceSettings Capacity { get; } = Base with
    {
        Variants = [NetworkVariant.HiddenUV, NetworkVariant.HiddenVOnly, NetworkVariant.VisiblePerceptron],
        Hidden = 200,
        Length = 30,
        Networks = 3,
        Trials = 1,
        Lengths = [10, 30, 50],
        HiddenSizes = [50, 150],
    };

    public static SequenceSettings Noise { get; } = Base with { Flips = [0, 10, 20, 30, 40, 50] };
}
