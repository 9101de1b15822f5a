using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FastAttractors.Training;

namespace FastAttractors.Degeneracy;

/// <summary>
/// A <see cref="DegeneracyStudySpec"/> as JSON text, the schema of the CLI's <c>degeneracy --spec</c> file (keys as its
/// flags without dashes, case-insensitive: "task", "widths": [32, 64], "regularisers": ["none", "l1:1e-3"], "trainSize",
/// "threshold", …) with the same defaults for absent keys, for callers without the CLI (the C ABI's
/// fa_degeneracy_study, the Python package). Every error is an <see cref="ArgumentException"/> whose message starts
/// with, and whose ParamName is, the JSON key at fault (malformed JSON or an unknown key: <see cref="Argument"/>).
/// </summary>
public static class DegeneracySpecJson
{
    /// <summary>The name errors in the JSON text itself (syntax, unknown keys, wrong value types) are reported under.</summary>
    public const string Argument = "spec_json";

    /// <summary>The keys the schema knows, in the CLI's flag order.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "task", "length", "difficulty", "widths", "regularisers", "networks", "seed", "lr", "init", "dynamics", "dtOverTau", "method", "batch", "trainSize", "testSize",
        "epochs", "maxSteps", "evalEvery", "clip", "threshold", "patience", "analysisTrials", "oodTrials", "fixedPointStarts",
        "dsaRank", "dsaDelays", "dsaStarts", "pairs", "exponents", "drivenExponents", "lyapunovIterations", "threads",
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, ReadCommentHandling = JsonCommentHandling.Skip,
    };

    // A read document written back under the schema's own key spelling, absent keys left out.
    private static readonly JsonSerializerOptions Written = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // The library property at fault → the JSON key the caller wrote.
    private static readonly Dictionary<string, string> KeyOf = new(StringComparer.Ordinal)
    {
        [nameof(DegeneracyStudySpec.Widths)] = "widths", [nameof(DegeneracyStudySpec.Regularisers)] = "regularisers",
        [nameof(DegeneracyStudySpec.Networks)] = "networks", [nameof(DegeneracyStudySpec.LearningRate)] = "lr",
        [nameof(DegeneracyStudySpec.AnalysisTrials)] = "analysisTrials", [nameof(DegeneracyStudySpec.OutOfDistributionTrials)] = "oodTrials",
        [nameof(DegeneracyStudySpec.FixedPointStarts)] = "fixedPointStarts", [nameof(DegeneracyStudySpec.Exponents)] = "exponents",
        [nameof(EnsembleOptions.BatchSize)] = "batch", [nameof(EnsembleOptions.TrainSize)] = "trainSize", [nameof(EnsembleOptions.TestSize)] = "testSize",
        [nameof(EnsembleOptions.Epochs)] = "epochs", [nameof(EnsembleOptions.MaxSteps)] = "maxSteps", [nameof(EnsembleOptions.EvaluateEvery)] = "evalEvery",
        [nameof(EnsembleOptions.ClipNorm)] = "clip", [nameof(EnsembleOptions.LossThreshold)] = "threshold", [nameof(EnsembleOptions.Patience)] = "patience",
        [nameof(EnsembleOptions.MaxDegreeOfParallelism)] = "threads", [nameof(DsaOptions.Rank)] = "dsaRank", [nameof(DsaOptions.Delays)] = "dsaDelays",
        [nameof(DsaOptions.RandomStarts)] = "dsaStarts", ["length"] = "length", ["name"] = "task",
        [nameof(DegeneracyStudySpec.DrivenExponents)] = "drivenExponents", [nameof(DegeneracyStudySpec.LyapunovIterations)] = "lyapunovIterations",
        [nameof(DegeneracyStudySpec.Pairs)] = "pairs", ["alpha"] = "dtOverTau", ["method"] = "method",
    };

    /// <summary>
    /// The study <paramref name="json"/> describes (no checkpoints), validated. Absent keys take the CLI's small
    /// defaults: flipflop, length 30, widths [8, 16], regularisers ["none"], 4 networks, seed 1, lr 0.01, batch 16,
    /// trainSize 128, testSize 32, 8 epochs, clip 1, threshold 1e-3, patience 3, 4 analysis trials, 16 OOD trials, 16
    /// fixed-point starts, DSA rank 6 with 3 delays and 1 start, pairs "within" (each condition's; "all" adds every pair
    /// across two conditions), no exponents, no driven exponents, 1000 Lyapunov iterations, dynamics "discrete"
    /// ("continuous" trains τ dh/dt = −h + W tanh(h) + U x + b by Euler steps with "dtOverTau" α, default 0.1, and
    /// "method" "euler", the only one trained; both keys are refused with the discrete network).
    /// </summary>
    /// <exception cref="ArgumentException">Malformed JSON, an unknown key or a value the study refuses, named.</exception>
    public static DegeneracyStudySpec Parse(string json) => Parse(json, null);

    /// <summary>
    /// As <see cref="Parse(string)"/>, with each non-null value of <paramref name="overrides"/> (keyed as the schema's
    /// <see cref="Keys"/>) replacing the text's value of that key: a caller's own settings laid over a spec file, as the
    /// CLI's flags over its --spec. An override is read, and refused, exactly as the same key written in the text.
    /// </summary>
    /// <exception cref="ArgumentException">Malformed JSON, an unknown key or a value the study refuses, named.</exception>
    public static DegeneracyStudySpec Parse(string json, IReadOnlyDictionary<string, JsonNode?>? overrides)
    {
        if (json is null)
            throw new ArgumentNullException(Argument, $"{Argument}: NULL pointer.");
        var document = Read(() => JsonSerializer.Deserialize<Document>(json, Json));
        if (overrides is { Count: > 0 })
        {
            // Merged as JSON rather than property by property, so the schema is written down once (in Document).
            var merged = JsonSerializer.SerializeToNode(document, Written)!.AsObject();
            foreach (var (key, value) in overrides)
            {
                if (!Keys.Contains(key))
                    throw new ArgumentException($"{Argument}: unknown key '{key}' (the keys are {string.Join(", ", Keys)}).", Argument);
                if (value is not null)
                    merged[key] = value.DeepClone();
            }
            document = Read(() => merged.Deserialize<Document>(Json));
        }
        return document.Resolve();
    }

    private static Document Read(Func<Document?> deserialize)
    {
        try
        {
            return deserialize() ?? throw new ArgumentException($"{Argument}: holds null, not a spec object.", Argument);
        }
        catch (JsonException e)
        {
            // An unknown key: name it and the keys there are, not the internal type it could not be mapped to.
            string first = e.Message.Split('\n')[0];
            var unknown = System.Text.RegularExpressions.Regex.Match(first, "^The JSON property '(?<key>.*)' could not be mapped");
            if (unknown.Success)
                throw new ArgumentException($"{Argument}: unknown key '{unknown.Groups["key"].Value}' (the keys are {string.Join(", ", Keys)}).", Argument);
            throw new ArgumentException($"{Argument}: not a valid degeneracy spec: {first}", Argument);
        }
    }

    private sealed record Document
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
        public string? Dynamics { get; init; }
        public double? DtOverTau { get; init; }
        public string? Method { get; init; }
        public int? Batch { get; init; }
        public int? TrainSize { get; init; }
        public int? TestSize { get; init; }
        public int? Epochs { get; init; }
        public long? MaxSteps { get; init; }
        public int? EvalEvery { get; init; }
        public double? Clip { get; init; }
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

        public DegeneracyStudySpec Resolve()
        {
            if (Difficulty is { } d && !double.IsFinite(d))
                throw new ArgumentOutOfRangeException("difficulty", d, $"difficulty: must be finite, got {Text(d)}.");
            var task = Named(() => DegeneracyTask.Create(Task ?? "flipflop", Length ?? 30, Difficulty));
            var init = (Init ?? "default") switch
            {
                "default" => RnnInitialisation.Default,
                "orthogonal" => RnnInitialisation.Orthogonal,
                "pta" => RnnInitialisation.Pta,
                var other => throw new ArgumentException($"init: '{other}' is not one of default, orthogonal, pta.", "init"),
            };
            if (Threshold is { } t && !(t > 0 && double.IsFinite(t)))
                throw new ArgumentOutOfRangeException("threshold", t, $"threshold: the early-stopping loss must be positive and finite, got {Text(t)}.");
            if (LyapunovIterations is { } li && li < 1)
                throw new ArgumentOutOfRangeException("lyapunovIterations", li, $"lyapunovIterations: must be at least 1, got {li}.");
            var pairs = ParsePairs(Pairs);
            var dynamics = Named(() => ParseDynamics(Dynamics, DtOverTau, Method));
            if (Threads is { } th && th < 0)
                throw new ArgumentOutOfRangeException("threads", th, $"threads: must be 0 (all cores) or positive, got {th}.");
            var training = new EnsembleOptions
            {
                BatchSize = Batch ?? 16, TrainSize = TrainSize ?? 128, TestSize = TestSize ?? 32, Epochs = Epochs ?? 8, MaxSteps = MaxSteps,
                EvaluateEvery = EvalEvery, ClipNorm = Clip ?? 1.0, LossThreshold = Threshold ?? 1e-3, Patience = Patience ?? 3,
                MaxDegreeOfParallelism = Threads is null or 0 ? -1 : Threads.Value, CheckpointDirectory = null,
            };
            var regularisers = new List<RnnRegulariser>();
            foreach (var text in Regularisers ?? ["none"])
                regularisers.Add(ParseRegulariser(text));
            var spec = new DegeneracyStudySpec
            {
                Task = task, Widths = Widths ?? [8, 16], Regularisers = regularisers, Networks = Networks ?? 4,
                Seed = Seed ?? 1, LearningRate = Lr ?? 1e-2, Init = init, Dynamics = dynamics, Training = training, AnalysisTrials = AnalysisTrials ?? 4,
                OutOfDistributionTrials = OodTrials ?? 16, FixedPointStarts = FixedPointStarts ?? 16,
                Dsa = new DsaOptions { Rank = DsaRank ?? 6, Delays = DsaDelays ?? 3, RandomStarts = DsaStarts ?? 1, MaxIterations = 500 },
                Exponents = Exponents ?? 0, DrivenExponents = DrivenExponents ?? 0, LyapunovIterations = LyapunovIterations ?? 1000, Pairs = pairs,
            };
            Named(() => { spec.Validate(); return 0; });
            return spec;
        }
    }

    /// <summary>
    /// The recurrence of the keys "dynamics" ("discrete", the default when absent, or "continuous"), "dtOverTau" (α of
    /// the continuous network, in (0, 1]; <see cref="RnnDynamics.DefaultAlpha"/> when absent) and "method" (the
    /// continuous network's integration method: "euler", the only one trained).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown dynamics, α outside (0, 1], another method, or dtOverTau or method given
    /// with the discrete network; named by its key.</exception>
    public static RnnDynamics ParseDynamics(string? dynamics, double? dtOverTau, string? method)
    {
        switch (dynamics)
        {
            case null or "discrete":
                if (dtOverTau is { } given)
                    throw new ArgumentException($"dtOverTau: applies to dynamics \"continuous\" only, got {Text(given)} with the discrete network.", "dtOverTau");
                if (method is not null)
                    throw new ArgumentException($"method: applies to dynamics \"continuous\" only, got '{method}' with the discrete network.", "method");
                return RnnDynamics.Discrete;
            case "continuous":
                double alpha = dtOverTau ?? RnnDynamics.DefaultAlpha;
                if (!(alpha > 0 && alpha <= 1))
                    throw new ArgumentOutOfRangeException("dtOverTau", alpha, $"dtOverTau: α = dt/τ must be in (0, 1], got {Text(alpha)}.");
                if ((method ?? RnnDynamics.EulerMethod) != RnnDynamics.EulerMethod)
                    throw new ArgumentException($"method: '{method}' is not trained; only '{RnnDynamics.EulerMethod}' is (the exact gradient through the stages of heun, rk4 or another tableau is not implemented).", "method");
                return RnnDynamics.Continuous(alpha);
            default:
                throw new ArgumentException($"dynamics: '{dynamics}' is not discrete or continuous.", "dynamics");
        }
    }

    /// <summary>"within" (or absent: each condition's pairs) or "all" (also every pair across two conditions), the CLI's --pairs.</summary>
    /// <exception cref="ArgumentException">Anything else, named "pairs".</exception>
    public static DegeneracyPairs ParsePairs(string? text) => text switch
    {
        null or "within" => DegeneracyPairs.Within,
        "all" => DegeneracyPairs.All,
        _ => throw new ArgumentException($"pairs: '{text}' is not within or all.", "pairs"),
    };

    /// <summary>"none", "l2:1e-4", "l1:0.001", "nuclear:0.01" (the CLI's --regularisers items).</summary>
    /// <exception cref="ArgumentException">Anything else, named "regularisers".</exception>
    public static RnnRegulariser ParseRegulariser(string text)
    {
        if (text is null)
            throw new ArgumentException("regularisers: null is not none, l2:λ, l1:λ or nuclear:λ.", "regularisers");
        if (text.Trim() == "none")
            return RnnRegulariser.None;
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        var kind = parts[0] switch
        {
            "l2" => RegulariserKind.L2,
            "l1" => RegulariserKind.L1,
            "nuclear" => RegulariserKind.Nuclear,
            _ => throw new ArgumentException($"regularisers: '{text}' is not none, l2:λ, l1:λ or nuclear:λ.", "regularisers"),
        };
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double strength) || !(strength >= 0) || !double.IsFinite(strength))
            throw new ArgumentException($"regularisers: '{text}' needs a non-negative finite strength after the colon, e.g. {parts[0]}:0.001.", "regularisers");
        return new RnnRegulariser(kind, strength);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Library errors name the property (Networks, LossThreshold, Regularisers[1], length, name): the key replaces it.
    private static T Named<T>(Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            string property = e.ParamName ?? "";
            int bracket = property.IndexOf('[', StringComparison.Ordinal);
            string lookup = bracket > 0 ? property[..bracket] : property;
            string key = KeyOf.TryGetValue(lookup, out var k) ? k : property.Length > 0 ? property : Argument;
            string message = e.Message.Split('\n')[0];
            int paren = message.LastIndexOf(" (Parameter", StringComparison.Ordinal);
            if (paren > 0)
                message = message[..paren];
            if (message.StartsWith(property, StringComparison.Ordinal) && property.Length > 0)
                message = message[property.Length..].TrimStart(':', ' ');
            else if (message.StartsWith("'" + property + "'", StringComparison.Ordinal))
                message = message[(property.Length + 2)..].TrimStart(':', ' ');
            else if (message.StartsWith(key + ":", StringComparison.Ordinal))
                message = message[(key.Length + 1)..].TrimStart();
            throw new ArgumentException($"{key}: {message}", key);
        }
    }
}
