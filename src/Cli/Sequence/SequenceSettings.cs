namespace FastAttractors.Cli.Sequence;

/// <summary>
/// One resolved sequence run: the subcommand's embedded default with the flags laid over it, validated. The sweep
/// arrays are used by capacity (Lengths at <see cref="Hidden"/>, HiddenSizes at <see cref="Length"/>) and noise (Flips).
/// </summary>
internal sealed record SequenceSettings
{
    public required NetworkVariant[] Variants { get; init; }
    public required SequenceDataKind Data { get; init; }
    /// <summary>N; null means the data's natural size (100 random, 64² Moving MNIST, 32² walker).</summary>
    public int? Visible { get; init; }
    public required int Hidden { get; init; }
    public required int Length { get; init; }
    public required int Networks { get; init; }
    public required int Trials { get; init; }
    public required int Flipped { get; init; }
    public required double Kappa { get; init; }
    public required double Eta { get; init; }
    public required int MaxEpochs { get; init; }
    public required TrainingSchedule Schedule { get; init; }
    public required HiddenCode HiddenCode { get; init; }
    public required RecallCriterion Criterion { get; init; }
    /// <summary>Periodic: ξ(T) → ξ(1) is stored too; open: T − 1 transitions.</summary>
    public SequenceBoundary Boundary { get; init; } = SequenceBoundary.Periodic;
    /// <summary>The hidden targets z(t) (docs/explanations/binary-margin-rule.md) and, for sparse ones, the active fraction f.</summary>
    public HiddenTargets Targets { get; init; } = HiddenTargets.RandomProjection;
    public double Activity { get; init; } = TrainingOptions.Default.Activity;
    public Backend? Backend { get; init; }
    public required ulong Seed { get; init; }
    public int[] Lengths { get; init; } = [];
    public int[] HiddenSizes { get; init; } = [];
    public int[] Flips { get; init; } = [];

    public int VisibleOrDefault => Visible ?? Data switch
    {
        SequenceDataKind.MovingMnist => MovingMnist.DefaultFrameSide * MovingMnist.DefaultFrameSide,
        SequenceDataKind.Walker => 32 * 32,
        _ => 100,
    };

    public TrainingOptions Training(NetworkVariant variant, int hidden) => new()
    {
        Variant = variant,
        Hidden = hidden,
        HiddenCode = HiddenCode,
        Targets = Targets,
        Activity = Activity,
        Schedule = Schedule,
        Kappa = Kappa,
        Eta = Eta,
        MaxEpochs = MaxEpochs,
        Seed = Seed,
    };

    // The recall noise gets its own seed so that changing it never changes the stored sequences or the training.
    public RecallOptions Recall(int flipped) => new() { FlippedBits = flipped, Trials = Trials, Criterion = Criterion, Seed = Seed + 1 };
}
