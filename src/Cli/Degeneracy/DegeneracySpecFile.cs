using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FastAttractors.Cli.Commands;
using FastAttractors.Degeneracy;
using FastAttractors.Training;

namespace FastAttractors.Cli.Degeneracy;

/// <summary>
/// The spec of <c>degeneracy</c> as written in a JSON file (keys as the flags without dashes, e.g. "widths": [32, 64],
/// "regularisers": ["none", "l1:1e-3"], "trainSize": 256) or given by flags; flags override the file. Unset values
/// take the small defaults below, which finish in seconds.
/// </summary>
internal sealed record DegeneracySpecFile
{
    public string? Task { get; init; }
    public int? Length { get; init; }
    public double? Difficulty { get; init; }
    public int[]? Widths { get; init; }
    public string[]? Regularisers { get; init; }
    public int? Networks { get; init; }
    public long? Seed { get; init; }
    public double? Lr { get; init; }
    public string? Init { get; init; }
    public int? Batch { get; init; }
    public int? TrainSize { get; init; }
    public int? TestSize { get; init; }
    public int? Epochs { get; init; }
    public long? MaxSteps { get; init; }
    public int? EvalEvery { get; init; }
    public double? Clip { get; init; }

    /// <summary>Early-stopping test loss; 0 or below is refused, absent = the default 1e-3.</summary>
    public double? Threshold { get; init; }
    public int? Patience { get; init; }
    public int? AnalysisTrials { get; init; }
    public int? OodTrials { get; init; }
    public int? FixedPointStarts { get; init; }
    public int? DsaRank { get; init; }
    public int? DsaDelays { get; init; }
    public int? DsaStarts { get; init; }
    public string? Pairs { get; init; }
    public int? Exponents { get; init; }
    public int? DrivenExponents { get; init; }
    public int? LyapunovIterations { get; init; }
    public int? Threads { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static DegeneracySpecFile Read(string path)
    {
        if (!File.Exists(path))
            throw new UsageException($"--spec: file '{path}' does not exist.");
        try
        {
            return JsonSerializer.Deserialize<DegeneracySpecFile>(File.ReadAllText(path), Json)
                ?? throw new UsageException($"--spec: '{path}' holds null, not a spec object.");
        }
        catch (JsonException e)
        {
            throw new UsageException($"--spec: '{path}' is not a valid degeneracy spec: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>This spec with every value <paramref name="flags"/> sets replacing the file's.</summary>
    public DegeneracySpecFile Overlay(DegeneracySpecFile flags) => new()
    {
        Task = flags.Task ?? Task, Length = flags.Length ?? Length, Difficulty = flags.Difficulty ?? Difficulty, Widths = flags.Widths ?? Widths,
        Regularisers = flags.Regularisers ?? Regularisers, Networks = flags.Networks ?? Networks, Seed = flags.Seed ?? Seed, Lr = flags.Lr ?? Lr,
        Init = flags.Init ?? Init, Batch = flags.Batch ?? Batch, TrainSize = flags.TrainSize ?? TrainSize, TestSize = flags.TestSize ?? TestSize,
        Epochs = flags.Epochs ?? Epochs, MaxSteps = flags.MaxSteps ?? MaxSteps, EvalEvery = flags.EvalEvery ?? EvalEvery, Clip = flags.Clip ?? Clip,
        Threshold = flags.Threshold ?? Threshold, Patience = flags.Patience ?? Patience, AnalysisTrials = flags.AnalysisTrials ?? AnalysisTrials,
        OodTrials = flags.OodTrials ?? OodTrials, FixedPointStarts = flags.FixedPointStarts ?? FixedPointStarts, DsaRank = flags.DsaRank ?? DsaRank,
        DsaDelays = flags.DsaDelays ?? DsaDelays, DsaStarts = flags.DsaStarts ?? DsaStarts, Pairs = flags.Pairs ?? Pairs, Exponents = flags.Exponents ?? Exponents,
        DrivenExponents = flags.DrivenExponents ?? DrivenExponents,
        LyapunovIterations = flags.LyapunovIterations ?? LyapunovIterations, Threads = flags.Threads ?? Threads,
    };

    /// <summary>The library spec; <paramref name="checkpoints"/> is where training state goes (null: none).</summary>
    public DegeneracyStudySpec Resolve(string? checkpoints)
    {
        var task = Guard("--task/--length/--difficulty", () => DegeneracyTask.Create(Task ?? "flipflop", Length ?? 30, Difficulty));
        var init = (Init ?? "default") switch
        {
            "default" => RnnInitialisation.Default,
            "orthogonal" => RnnInitialisation.Orthogonal,
            "pta" => RnnInitialisation.Pta,
            var other => throw new UsageException($"--init: '{other}' is not one of {string.Join(", ", TrainFlags.Inits)}."),
        };
        if (Threshold is { } t && !(t > 0 && double.IsFinite(t)))
            throw new UsageException($"--threshold: the early-stopping loss must be positive and finite, got {t.ToString("R", CultureInfo.InvariantCulture)}.");
        if (LyapunovIterations is { } li && li < 1)
            throw new UsageException($"--lyapunov-iterations: must be at least 1, got {li}.");
        var pairs = Pairs switch
        {
            null or "within" => DegeneracyPairs.Within,
            "all" => DegeneracyPairs.All,
            var other => throw new UsageException($"--pairs: '{other}' is not within or all."),
        };
        var training = new EnsembleOptions
        {
            BatchSize = Batch ?? 16, TrainSize = TrainSize ?? 128, TestSize = TestSize ?? 32, Epochs = Epochs ?? 8, MaxSteps = MaxSteps,
            EvaluateEvery = EvalEvery, ClipNorm = Clip ?? 1.0, LossThreshold = Threshold ?? 1e-3, Patience = Patience ?? 3,
            MaxDegreeOfParallelism = Threads is null or 0 ? -1 : Threads.Value, CheckpointDirectory = checkpoints,
        };
        var spec = new DegeneracyStudySpec
        {
            Task = task, Widths = Widths ?? [8, 16], Regularisers = [.. (Regularisers ?? ["none"]).Select(ParseRegulariser)], Networks = Networks ?? 4,
            Seed = Seed ?? 1, LearningRate = Lr ?? 1e-2, Init = init, Training = training, AnalysisTrials = AnalysisTrials ?? 4,
            OutOfDistributionTrials = OodTrials ?? 16, FixedPointStarts = FixedPointStarts ?? 16,
            Dsa = new DsaOptions { Rank = DsaRank ?? 6, Delays = DsaDelays ?? 3, RandomStarts = DsaStarts ?? 1, MaxIterations = 500 },
            Exponents = Exponents ?? 0, DrivenExponents = DrivenExponents ?? 0, LyapunovIterations = LyapunovIterations ?? 1000, Pairs = pairs,
        };
        Guard("the spec", () => { spec.Validate(); return 0; });
        return spec;
    }

    /// <summary>"none", "l2:1e-4", "l1:0.001", "nuclear:0.01".</summary>
    public static RnnRegulariser ParseRegulariser(string text)
    {
        if (text.Trim() == "none")
            return RnnRegulariser.None;
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        var kind = parts[0] switch
        {
            "l2" => RegulariserKind.L2,
            "l1" => RegulariserKind.L1,
            "nuclear" => RegulariserKind.Nuclear,
            _ => throw new UsageException($"--regularisers: '{text}' is not none, l2:λ, l1:λ or nuclear:λ."),
        };
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double strength) || !(strength >= 0) || !double.IsFinite(strength))
            throw new UsageException($"--regularisers: '{text}' needs a non-negative finite strength after the colon, e.g. {parts[0]}:0.001.");
        return new RnnRegulariser(kind, strength);
    }

    // Library errors name the field (e.g. Networks, Widths); the message is kept, prefixed with the flag family.
    private static T Guard<T>(string where, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            string message = e.Message.Split('\n')[0];
            int paren = message.LastIndexOf(" (Parameter", StringComparison.Ordinal);
            throw new UsageException($"{where}: {(paren > 0 ? message[..paren] : message)}");
        }
    }
}
