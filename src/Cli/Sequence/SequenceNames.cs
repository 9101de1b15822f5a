namespace FastAttractors.Cli.Sequence;

/// <summary>The command-line names of the binary-network enums: short names for typing, enum names also accepted.</summary>
internal static class SequenceNames
{
    private static readonly (string Name, NetworkVariant Value)[] Variants =
    [
        ("uv", NetworkVariant.HiddenUV), ("v-only", NetworkVariant.HiddenVOnly), ("perceptron", NetworkVariant.VisiblePerceptron),
        ("hebbian", NetworkVariant.Hebbian), ("lsh", NetworkVariant.LongSequenceHopfield), ("lsh-two-layer", NetworkVariant.LongSequenceHopfieldTwoLayer),
    ];

    private static readonly (string Name, TrainingSchedule Value)[] Schedules = [("batch", TrainingSchedule.Batch), ("online", TrainingSchedule.Online)];
    private static readonly (string Name, HiddenCode Value)[] Codes = [("pm1", HiddenCode.PlusMinusOne), ("01", HiddenCode.ZeroOne)];

    private static readonly (string Name, HiddenTargets Value)[] Targets =
        [("random", HiddenTargets.RandomProjection), ("sparse", HiddenTargets.SparseProjection), ("one-hot", HiddenTargets.OneHot)];

    private static readonly (string Name, SequenceBoundary Value)[] Boundaries = [("periodic", SequenceBoundary.Periodic), ("open", SequenceBoundary.Open)];

    private static readonly (string Name, RecallCriterion Value)[] Criteria =
        [("exact", RecallCriterion.ExactFromFirstStep), ("reaches", RecallCriterion.ReachesSequence)];

    public static NetworkVariant[] ParseVariants(string text, string flag)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var variants = parts.Select(p => Lookup(Variants, p, flag)).ToArray();
        if (variants.Distinct().Count() != variants.Length)
            throw new UsageException($"{flag}: '{text}' names a variant twice.");
        return variants;
    }

    public static TrainingSchedule ParseSchedule(string text, string flag) => Lookup(Schedules, text, flag);
    public static HiddenCode ParseCode(string text, string flag) => Lookup(Codes, text, flag);
    public static RecallCriterion ParseCriterion(string text, string flag) => Lookup(Criteria, text, flag);
    public static SequenceBoundary ParseBoundary(string text, string flag) => Lookup(Boundaries, text, flag);
    public static HiddenTargets ParseTargets(string text, string flag) => Lookup(Targets, text, flag);

    public static string Of(NetworkVariant v) => Variants.First(x => x.Value == v).Name;
    public static string Of(TrainingSchedule v) => Schedules.First(x => x.Value == v).Name;
    public static string Of(HiddenCode v) => Codes.First(x => x.Value == v).Name;
    public static string Of(RecallCriterion v) => Criteria.First(x => x.Value == v).Name;
    public static string Of(SequenceBoundary v) => Boundaries.First(x => x.Value == v).Name;
    public static string Of(HiddenTargets v) => Targets.First(x => x.Value == v).Name;

    private static T Lookup<T>((string Name, T Value)[] table, string text, string flag) where T : struct, Enum
    {
        foreach (var (name, value) in table)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
                return value;
        throw new UsageException($"{flag}: unknown value '{text}'; valid: {string.Join(", ", table.Select(x => x.Name))}.");
    }
}
