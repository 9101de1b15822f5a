using System.CommandLine;
using FastAttractors.Cli.Scan;
using FastAttractors.Training;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// The flags of <c>train</c>. Each value is checked here (or by the task/option constructors, whose messages name the
/// parameter) so an error names the flag and the bad value.
/// </summary>
internal sealed class TrainFlags
{
    public static readonly string[] Tasks = ["copy", "copy-random", "ordering", "flipflop", "sine", "discrimination", "path-integration"];
    public static readonly string[] Inits = ["default", "orthogonal", "pta"];

    public Option<string> Task { get; } = new("--task") { Description = string.Join(" | ", Tasks) + " (default copy).", DefaultValueFactory = _ => "copy" };
    public Option<int?> Delay { get; } = new("--delay") { Description = "copy: delay k (100); copy-random/ordering/discrimination: shortest delay (100/50/20)." };
    public Option<int?> MaxDelay { get; } = new("--max-delay") { Description = "copy-random/ordering/discrimination: longest delay (120/60/= --delay)." };
    public Option<int?> Length { get; } = new("--length") { Description = "flipflop, sine: steps per sequence (100)." };
    public Option<int> Hidden { get; } = new("--hidden") { Description = "Hidden units n (128).", DefaultValueFactory = _ => 128 };
    public Option<string> Init { get; } = new("--init") { Description = "Recurrent weights: " + string.Join(" | ", Inits) + " (default default).", DefaultValueFactory = _ => "default" };
    public Option<string?> PtaScan { get; } = new("--pta-scan") { Description = "Scan result to draw PTA blocks from: a scan directory or Parquet file (rotation-map for --time discrete, rotation-flow for continuous), or a CSV (alpha, theta, lambda1); default: the documented region (discrete only)." };
    public Option<double> PtaTolerance { get; } = new("--pta-tolerance") { Description = "--pta-scan: a row is in the zero-exponent region when its status is ok and |λ1| < this (1e-3).", DefaultValueFactory = _ => ScanPtaRegion.DefaultTolerance };
    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of data, weights and minibatch order (1).", DefaultValueFactory = _ => 1 };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Passes over the training set (10).", DefaultValueFactory = _ => 10 };
    public Option<long?> Steps { get; } = new("--steps") { Description = "Stop after this many updates (budget)." };
    public Option<int> Batch { get; } = new("--batch") { Description = "Minibatch size (64).", DefaultValueFactory = _ => 64 };
    public Option<int> TrainSize { get; } = new("--train-size") { Description = "Training sequences (10000).", DefaultValueFactory = _ => 10_000 };
    public Option<int> TestSize { get; } = new("--test-size") { Description = "Test sequences (1000).", DefaultValueFactory = _ => 1_000 };
    public Option<double> LearningRate { get; } = new("--lr") { Description = "Adam learning rate (1e-3).", DefaultValueFactory = _ => 1e-3 };
    public Option<double> Clip { get; } = new("--clip") { Description = "Gradient-norm clipping threshold (1).", DefaultValueFactory = _ => 1.0 };
    public Option<int?> EvalEvery { get; } = new("--eval-every") { Description = "Updates between test evaluations (default: one epoch)." };
    public Option<int> Threads { get; } = new("--threads") { Description = "Threads (0 = all); results do not depend on it.", DefaultValueFactory = _ => 0 };
    public Option<string> GradientPath { get; } = new("--path") { Description = "batched (float32 SIMD) | reference (float64 scalar).", DefaultValueFactory = _ => "batched" };
    public Option<int> Exponents { get; } = new("--exponents") { Description = "Leading Lyapunov exponents of h ← tanh(W h + b) before/after (10; 0 = none).", DefaultValueFactory = _ => 10 };
    public Option<int> LyapunovIterations { get; } = new("--lyapunov-iterations") { Description = "Accumulation iterations of the spectrum (2000; transient 500).", DefaultValueFactory = _ => 2000 };
    public Option<string?> Backend { get; } = new("--backend") { Description = $"Backend of the Lyapunov spectrum: {string.Join(" | ", BackendNames.Valid)}." };
    public Option<string> Time { get; } = new("--time") { Description = "discrete (tanh RNN map, default) | continuous (TanhRnn through the RK4 adjoint; --task sine only).", DefaultValueFactory = _ => "discrete" };
    public Option<double> Frequency { get; } = new("--frequency") { Description = "continuous: ω of the target sin(ω t) of unit 0 (0.5).", DefaultValueFactory = _ => 0.5 };
    public Option<double> Dt { get; } = new("--dt") { Description = "continuous: RK4 step (0.1); the horizon is --length steps (200).", DefaultValueFactory = _ => 0.1 };
    public Option<string> Out { get; } = CommonOptions.Out("results/train");

    public IEnumerable<Option> All =>
        [Task, Delay, MaxDelay, Length, Hidden, Init, PtaScan, PtaTolerance, Seed, Epochs, Steps, Batch, TrainSize, TestSize, LearningRate, Clip, EvalEvery,
         Threads, GradientPath, Exponents, LyapunovIterations, Backend, Time, Frequency, Dt, Out];

    public TrainSettings Resolve(ParseResult p)
    {
        string taskName = p.GetValue(Task)!;
        RejectFlagsThatDoNotApply(p, taskName);
        var task = Guard("--task/--delay/--max-delay/--length", () => CreateTask(taskName, p.GetValue(Delay), p.GetValue(MaxDelay), p.GetValue(Length)));
        var init = p.GetValue(Init) switch
        {
            "default" => RnnInitialisation.Default,
            "orthogonal" => RnnInitialisation.Orthogonal,
            "pta" => RnnInitialisation.Pta,
            var other => throw new UsageException($"--init: '{other}' is not one of {string.Join(", ", Inits)}."),
        };
        var path = p.GetValue(GradientPath) switch
        {
            "batched" => RnnGradientPath.Batched,
            "reference" => RnnGradientPath.Reference,
            var other => throw new UsageException($"--path: '{other}' is not one of batched, reference."),
        };
        bool continuousTime = p.GetValue(Time) == "continuous";
        var region = Region(p, init, continuousTime);
        var options = new RnnTrainingOptions
        {
            Hidden = p.GetValue(Hidden), Init = init, Region = region, Seed = p.GetValue(Seed), BatchSize = p.GetValue(Batch),
            TrainSize = p.GetValue(TrainSize), TestSize = p.GetValue(TestSize), Epochs = p.GetValue(Epochs), MaxSteps = p.GetValue(Steps),
            EvaluateEvery = p.GetValue(EvalEvery), LearningRate = p.GetValue(LearningRate), ClipNorm = p.GetValue(Clip),
            Path = path, Threads = p.GetValue(Threads),
        };
        Guard("", () => { options.Validate(); return 0; });
        int exponents = p.GetValue(Exponents);
        if (exponents < 0 || exponents > options.Hidden)
            throw new UsageException($"--exponents: must be in [0, --hidden = {options.Hidden}], got {exponents}.");
        int iterations = p.GetValue(LyapunovIterations);
        if (iterations < 100)
            throw new UsageException($"--lyapunov-iterations: must be at least 100, got {iterations}.");
        var backend = p.GetValue(Backend) is { } b ? BackendNames.Parse(b, "--backend") : (Backend?)null;
        ContinuousSineOptions? continuous = p.GetValue(Time) switch
        {
            "discrete" => null,
            "continuous" when taskName == "sine" => new ContinuousSineOptions
            {
                Hidden = options.Hidden, Frequency = p.GetValue(Frequency), Dt = p.GetValue(Dt), Horizon = p.GetValue(Length) ?? 200,
                Updates = (int)Math.Min(int.MaxValue, options.MaxSteps ?? 200), EvaluateEvery = options.EvaluateEvery ?? 10,
                LearningRate = options.LearningRate, ClipNorm = options.ClipNorm, Seed = options.Seed, Pta = region,
            },
            "continuous" => throw new UsageException($"--time: continuous training supports --task sine only, got --task {taskName}."),
            var other => throw new UsageException($"--time: '{other}' is not one of discrete, continuous."),
        };
        if (continuous is not null)
            Guard("", () => { continuous.Validate(); return 0; });
        return new TrainSettings(task, options, exponents, iterations, backend, continuous);
    }

    /// <summary>
    /// The PTA region of --pta-scan: a rotation-map scan for the discrete RNN (its autonomous map is Eq. 21's), a
    /// rotation-flow scan for the continuous TanhRnn (τ ẋ = −x + W tanh x is conjugate to Eq. 20's ẏ = −y + tanh(W y)
    /// by x = W y, so it has the same exponents). Continuous PTA has no documented default region: it needs a scan.
    /// </summary>
    private PtaRegion? Region(ParseResult p, RnnInitialisation init, bool continuousTime)
    {
        if (continuousTime && init == RnnInitialisation.Orthogonal)
            throw new UsageException("--init: continuous training starts from Eq. S3 (default) or pta, got orthogonal.");
        if (p.GetValue(PtaScan) is not { } scan)
        {
            if (continuousTime && init == RnnInitialisation.Pta)
                throw new UsageException("--pta-scan: --init pta with --time continuous needs a rotation-flow scan (the documented default region is the discrete map's).");
            return null;
        }
        if (init != RnnInitialisation.Pta)
            throw new UsageException($"--pta-scan: applies only to --init pta, got --init {p.GetValue(Init)}.");
        double tolerance = p.GetValue(PtaTolerance);
        if (!(tolerance > 0 && double.IsFinite(tolerance)))
            throw new UsageException($"--pta-tolerance: must be positive and finite, got {tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        return continuousTime
            ? ScanPtaRegion.Read(scan, ScanPtaRegion.FlowFamily, tolerance, "--pta-scan", "--time continuous (TanhRnn flow, Eq. 20)")
            : ScanPtaRegion.Read(scan, ScanPtaRegion.MapFamily, tolerance, "--pta-scan", "--time discrete (h ← tanh(W h + …), Eq. 21)");
    }

    /// <summary>
    /// A flag given for a task or time mode that ignores it is refused: a silently ignored --dt or --length would be a
    /// run other than the one asked for.
    /// </summary>
    private void RejectFlagsThatDoNotApply(ParseResult p, string taskName)
    {
        bool sequenceTask = taskName is "flipflop" or "sine" or "path-integration";
        bool continuous = p.GetValue(Time) == "continuous";
        (Option Flag, bool Applies, string Where)[] rules =
        [
            (Length, sequenceTask, "--task flipflop, sine or path-integration"),
            (Delay, !sequenceTask, "--task copy, copy-random, ordering or discrimination"),
            (MaxDelay, taskName is "copy-random" or "ordering" or "discrimination", "--task copy-random, ordering or discrimination"),
            (Frequency, continuous, "--time continuous"),
            (Dt, continuous, "--time continuous"),
        ];
        foreach (var (flag, applies, where) in rules)
        {
            if (!applies && p.GetResult(flag) is { Implicit: false })
                throw new UsageException($"{flag.Name}: applies only to {where}, not to --task {taskName} --time {p.GetValue(Time)}.");
        }
    }

    internal static ITrainingTask CreateTask(string name, int? delay, int? maxDelay, int? length) => name switch
    {
        "copy" => new CopyMemoryTask(delay ?? 100),
        "copy-random" => new CopyMemoryTask(delay ?? 100, maxDelay ?? 120),
        "ordering" => new TemporalOrderingTask(delay ?? 50, maxDelay ?? 60),
        "flipflop" => new FlipFlopTask(length ?? 100),
        "sine" => new SineWaveTask(length ?? 100),
        "discrimination" => new DelayedDiscriminationTask(delay ?? 20, maxDelay ?? delay ?? 20),
        "path-integration" => new PathIntegrationTask(length ?? 100),
        _ => throw new UsageException($"--task: '{name}' is not one of {string.Join(", ", Tasks)}."),
    };

    // The option records name their property (e.g. BatchSize); map it back to the flag the user typed.
    private static readonly Dictionary<string, string> FlagOf = new()
    {
        ["Hidden"] = "--hidden", ["BatchSize"] = "--batch", ["TrainSize"] = "--train-size", ["TestSize"] = "--test-size", ["Epochs"] = "--epochs",
        ["MaxSteps"] = "--steps", ["EvaluateEvery"] = "--eval-every", ["LearningRate"] = "--lr", ["ClipNorm"] = "--clip", ["Threads"] = "--threads",
        ["delay"] = "--delay", ["maxDelay"] = "--max-delay", ["minDelay"] = "--delay", ["steps"] = "--length", ["path"] = "--pta-scan", ["Frequency"] = "--frequency", ["Dt"] = "--dt", ["Horizon"] = "--length", ["Updates"] = "--steps",
    };

    private static T Guard<T>(string flag, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            string name = e.ParamName is { } p && FlagOf.TryGetValue(p, out var f) ? f : flag;
            string message = e.Message.Split('\n')[0];
            int paren = message.LastIndexOf(" (Parameter", StringComparison.Ordinal);
            throw new UsageException($"{name}: {(paren > 0 ? message[..paren] : message)}");
        }
    }
}

/// <summary>The resolved settings of one <c>train</c> run.</summary>
internal sealed record TrainSettings(ITrainingTask Task, RnnTrainingOptions Options, int Exponents, int LyapunovIterations, Backend? Backend,
    ContinuousSineOptions? Continuous = null);
