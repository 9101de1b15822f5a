using System.CommandLine;
using System.Text.Json;
using FastAttractors.Degeneracy;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// The flags of <c>degeneracy</c>: each one sets the spec key of the same name (see <see cref="DegeneracySpecJson"/>)
/// and overrides --spec. None has a parser default, so an unset flag never hides the file's value.
/// </summary>
internal sealed class DegeneracyFlags
{
    public Option<string?> Spec { get; } = new("--spec") { Description = "JSON spec (keys as these flags without dashes, camelCase: task, widths, regularisers, networks, trainSize, …); flags override it." };
    public Option<string?> Task { get; } = new("--task") { Description = "flipflop (3-bit) | sine | discrimination | path-integration (flipflop)." };
    public Option<int?> Length { get; } = new("--length") { Description = "Steps per training trial (discrimination: the delay) (30); the out-of-distribution trials are twice as long." };
    public Option<double?> Difficulty { get; } = new("--difficulty") { Description = "The task's knob: flipflop pulse probability (0.05), sine highest frequency in rad/step (0.6), discrimination longest delay (= --length), path-integration largest turn in rad/step (0.3)." };
    public Option<string?> Widths { get; } = new("--widths") { Description = "Hidden sizes, comma-separated (8,16)." };
    public Option<string?> Regularisers { get; } = new("--regularisers") { Description = "Penalties on W, comma-separated: none | l2:λ | l1:λ | nuclear:λ (none)." };
    public Option<int?> Networks { get; } = new("--networks") { Description = "Networks per condition (4); network k has seed --seed + k." };
    public Option<long?> Seed { get; } = new("--seed") { Description = "First seed; also the seed of the shared analysis trials (1)." };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Adam learning rate (1e-2)." };
    public Option<string?> Init { get; } = new("--init") { Description = "Recurrent weights: default | orthogonal | pta (default)." };
    public Option<string?> Dynamics { get; } = new("--dynamics") { Description = "The recurrence: discrete (h ← tanh(W h + U x + b), read out C h + d) | continuous (τ dh/dt = −h + W tanh(h) + U x + b by Euler steps, read out C tanh(h) + d; exact gradient of the steps) (discrete)." };
    public Option<double?> DtOverTau { get; } = new("--dt-over-tau") { Description = "α = dt/τ of --dynamics continuous, in (0, 1] (0.1)." };
    public Option<string?> Method { get; } = new("--method") { Description = "Integration method of --dynamics continuous: euler (the only one trained) (euler)." };
    public Option<int?> Batch { get; } = new("--batch") { Description = "Minibatch size (16)." };
    public Option<int?> TrainSize { get; } = new("--train-size") { Description = "Training trials per network (128)." };
    public Option<int?> TestSize { get; } = new("--test-size") { Description = "Test trials per network, scored at each evaluation (32)." };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Largest number of passes over the training set (8)." };
    public Option<long?> MaxSteps { get; } = new("--max-steps") { Description = "Largest number of updates per network (no limit but --epochs)." };
    public Option<int?> EvalEvery { get; } = new("--eval-every") { Description = "Updates between evaluations (one epoch)." };
    public Option<double?> Clip { get; } = new("--clip") { Description = "Gradient-norm clipping threshold (1)." };
    public Option<double?> Threshold { get; } = new("--threshold") { Description = "Early stopping: test loss at or below which a network stops after --patience more evaluations (1e-3; must be > 0)." };
    public Option<int?> Patience { get; } = new("--patience") { Description = "Evaluations a network keeps training once below --threshold (3)." };
    public Option<int?> AnalysisTrials { get; } = new("--analysis-trials") { Description = "Shared trials on which states are recorded for fixed-point starts, DSA and CKA (4)." };
    public Option<int?> OodTrials { get; } = new("--ood-trials") { Description = "Shared out-of-distribution trials for the behavioural level (16)." };
    public Option<int?> FixedPointStarts { get; } = new("--fixed-point-starts") { Description = "Fixed-point search starts per network, sampled on its states (16)." };
    public Option<int?> DsaRank { get; } = new("--dsa-rank") { Description = "Rank of the DSA operator (6)." };
    public Option<int?> DsaDelays { get; } = new("--dsa-delays") { Description = "Delays of the DSA embedding (3)." };
    public Option<int?> DsaStarts { get; } = new("--dsa-starts") { Description = "Random starts of the DSA orthogonal alignment, besides its 3 structured ones (1)." };
    public Option<string?> Pairs { get; } = new("--pairs") { Description = "Pairs compared: within (each condition's) | all (also every pair across two conditions; the weight distance is NaN across widths) (within)." };
    public Option<int?> Exponents { get; } = new("--exponents") { Description = "Leading Lyapunov exponents per network of h ← tanh(W h + b) (--dynamics continuous: of its Euler map h ← h + α(−h + W tanh(h) + b), per step, on the host) (0 = none)." };
    public Option<int?> DrivenExponents { get; } = new("--driven-exponents") { Description = "Leading Lyapunov exponents per network of h ← tanh(W h + U x_t + b) (continuous: its Euler steps) driven by the task's inputs (seeded, shared by all networks), on the host (0 = none)." };
    public Option<int?> LyapunovIterations { get; } = new("--lyapunov-iterations") { Description = "Accumulation iterations of both kinds of exponents (1000; transient 500)." };
    public Option<int?> Threads { get; } = new("--threads") { Description = "Networks trained and analysed at once (0 = one per core); results do not depend on it." };
    public Option<string?> Backend { get; } = new("--backend") { Description = $"Backend of the Lyapunov exponents: {string.Join(" | ", BackendNames.Valid)}." };
    public Option<bool> NoCheckpoints { get; } = new("--no-checkpoints") { Description = "Do not keep training state in OUT/checkpoints (by default a killed run resumes from it when run again)." };
    public Option<string> Out { get; } = CommonOptions.Out("results/degeneracy");

    public IEnumerable<Option> All =>
        [Spec, Task, Length, Difficulty, Widths, Regularisers, Networks, Seed, LearningRate, Init, Dynamics, DtOverTau, Method, Batch, TrainSize, TestSize, Epochs, MaxSteps, EvalEvery,
         Clip, Threshold, Patience, AnalysisTrials, OodTrials, FixedPointStarts, DsaRank, DsaDelays, DsaStarts, Pairs, Exponents, DrivenExponents, LyapunovIterations, Threads,
         Backend, NoCheckpoints, Out];

    /// <summary>
    /// The library's parse (<see cref="DegeneracySpecJson"/>) of the --spec file (or of no keys) with the given flags
    /// laid over it; training state is not kept (the command sets where). A refused value is a usage error naming the
    /// flag that set it, or else the file and its key.
    /// </summary>
    public DegeneracyStudySpec Resolve(ParseResult p)
    {
        string? path = p.GetValue(Spec);
        if (path is not null && !File.Exists(path))
            throw new UsageException($"--spec: file '{path}' does not exist.");
        string json = path is null ? "{}" : File.ReadAllText(path);
        // Each flag beside the spec key it sets; unset flags (null) leave the file's value.
        (string Key, Option Flag, object? Value)[] given =
        [
            ("task", Task, p.GetValue(Task)), ("length", Length, p.GetValue(Length)), ("difficulty", Difficulty, p.GetValue(Difficulty)),
            ("widths", Widths, p.GetValue(Widths) is { } w ? NumberList.Parse(w, "--widths").Select(x => Whole(x, "--widths")).ToArray() : null),
            ("regularisers", Regularisers, p.GetValue(Regularisers)?.Split(',', StringSplitOptions.TrimEntries)), ("networks", Networks, p.GetValue(Networks)),
            ("seed", Seed, p.GetValue(Seed)), ("lr", LearningRate, p.GetValue(LearningRate)), ("init", Init, p.GetValue(Init)),
            ("dynamics", Dynamics, p.GetValue(Dynamics)), ("dtOverTau", DtOverTau, FiniteOrRefused(p.GetValue(DtOverTau), DtOverTau)), ("method", Method, p.GetValue(Method)),
            ("batch", Batch, p.GetValue(Batch)),
            ("trainSize", TrainSize, p.GetValue(TrainSize)), ("testSize", TestSize, p.GetValue(TestSize)), ("epochs", Epochs, p.GetValue(Epochs)),
            ("maxSteps", MaxSteps, p.GetValue(MaxSteps)), ("evalEvery", EvalEvery, p.GetValue(EvalEvery)), ("clip", Clip, p.GetValue(Clip)),
            ("threshold", Threshold, p.GetValue(Threshold)), ("patience", Patience, p.GetValue(Patience)), ("analysisTrials", AnalysisTrials, p.GetValue(AnalysisTrials)),
            ("oodTrials", OodTrials, p.GetValue(OodTrials)), ("fixedPointStarts", FixedPointStarts, p.GetValue(FixedPointStarts)), ("dsaRank", DsaRank, p.GetValue(DsaRank)),
            ("dsaDelays", DsaDelays, p.GetValue(DsaDelays)), ("dsaStarts", DsaStarts, p.GetValue(DsaStarts)), ("pairs", Pairs, p.GetValue(Pairs)),
            ("exponents", Exponents, p.GetValue(Exponents)), ("drivenExponents", DrivenExponents, p.GetValue(DrivenExponents)),
            ("lyapunovIterations", LyapunovIterations, p.GetValue(LyapunovIterations)), ("threads", Threads, p.GetValue(Threads)),
        ];
        var set = given.Where(g => g.Value is not null).ToArray();
        try
        {
            return DegeneracySpecJson.Parse(json, set.ToDictionary(g => g.Key, g => JsonSerializer.SerializeToNode(g.Value, g.Value!.GetType())));
        }
        catch (ArgumentException e)
        {
            // The library's message starts with the key at fault (ParamName); it is said as the flag when one set it.
            string key = e.ParamName ?? DegeneracySpecJson.Argument;
            string message = e.Message.Split('\n')[0];
            int paren = message.LastIndexOf(" (Parameter", StringComparison.Ordinal);
            message = paren > 0 ? message[..paren] : message;
            string detail = message.StartsWith(key + ":", StringComparison.Ordinal) ? message[(key.Length + 1)..].TrimStart() : message;
            if (set.FirstOrDefault(g => g.Key == key).Flag is { } flag)
                throw new UsageException($"{flag.Name}: {detail}");
            if (path is null)
                throw new UsageException($"the spec: {message}");
            throw new UsageException($"--spec '{path}': {(key == DegeneracySpecJson.Argument ? detail : message)}");
        }
    }

    // JSON has no NaN or ∞, so such a value is refused here, by its flag, rather than failing to be written as JSON.
    private static double? FiniteOrRefused(double? value, Option flag) =>
        value is { } v && !double.IsFinite(v) ? throw new UsageException($"{flag.Name}: must be a finite number in (0, 1], got {v}.") : value;

    private static int Whole(double x, string flag) =>
        x == Math.Floor(x) && x >= 1 && x <= 4096 ? (int)x : throw new UsageException($"{flag}: every width must be a whole number in [1, 4096], got {x}.");
}
