using System.CommandLine;
using FastAttractors.Cli.Sequence;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// The flags of the <c>sequence</c> subcommands. Every flag is optional: an unset one keeps the subcommand's embedded
/// default (<see cref="SequenceDefaults"/>); each value is checked here so errors name the flag and the bad value.
/// </summary>
internal sealed class SequenceFlags
{
    public Option<string?> Variant { get; } = new("--variant") { Description = "Comma-separated: uv, v-only, perceptron, hebbian, lsh, lsh-two-layer." };
    public Option<int?> Visible { get; } = new("--visible") { Description = "N visible neurons (image data: a square, the frame side²)." };
    public Option<int?> Hidden { get; } = new("--hidden") { Description = "M hidden neurons." };
    public Option<int?> Length { get; } = new("--length") { Description = "T patterns per sequence." };
    public Option<int?> Networks { get; } = new("--networks") { Description = "B networks (independent sequences) per point and variant." };
    public Option<int?> Trials { get; } = new("--trials") { Description = "Recall trials per network." };
    public Option<int?> Flipped { get; } = new("--flipped") { Description = "k visible bits flipped in the recall start state." };
    public Option<double?> Kappa { get; } = new("--kappa") { Description = "Margin κ > 0 (default 1)." };
    public Option<double?> Eta { get; } = new("--eta") { Description = "Learning rate η > 0 (default 1e-3)." };
    public Option<int?> MaxEpochs { get; } = new("--max-epochs") { Description = "Epoch limit (default 500)." };
    public Option<string?> Schedule { get; } = new("--schedule") { Description = "batch | online." };
    public Option<string?> HiddenCode { get; } = new("--hidden-code") { Description = "pm1 (±1) | 01 ({0,1})." };
    public Option<string?> Criterion { get; } = new("--criterion") { Description = "exact (from step 1) | reaches (falls onto the sequence within 5T steps)." };
    public Option<string?> Targets { get; } = new("--targets") { Description = "Hidden targets: random (sgn of a random projection, default) | sparse (the f·M largest drives active) | one-hot." };
    public Option<double?> Activity { get; } = new("--activity") { Description = "Active fraction f in (0, 1) of sparse targets (default 0.1)." };
    public Option<string?> Boundary { get; } = new("--boundary") { Description = "periodic (ξ(T) → ξ(1) stored too, default) | open (T − 1 transitions)." };
    public Option<string?> Data { get; } = new("--data") { Description = "random | moving-mnist | walker." };
    public Option<string?> Backend { get; } = new("--backend") { Description = $"{string.Join(" | ", BackendNames.Valid)}; default: best present." };
    public Option<long?> Seed { get; } = new("--seed") { Description = "Seed of sequences and training (recall noise uses seed + 1)." };
    public Option<string?> Lengths { get; } = new("--lengths") { Description = "capacity: T sweep start:stop:step at M = --hidden." };
    public Option<string?> HiddenSizes { get; } = new("--hidden-sizes") { Description = "capacity: M sweep start:stop:step at T = --length." };
    public Option<string?> Flips { get; } = new("--flips") { Description = "noise: flipped-bit sweep start:stop:step." };
    public Option<string> Out { get; }

    public SequenceFlags(string defaultOut) =>
        Out = CommonOptions.Out(defaultOut);

    public IEnumerable<Option> Common =>
        [Out, Variant, Visible, Hidden, Length, Networks, Trials, Flipped, Kappa, Eta, MaxEpochs, Schedule, HiddenCode, Targets, Activity, Criterion, Boundary, Data, Backend, Seed];

    public SequenceSettings Resolve(ParseResult p, SequenceSettings d)
    {
        var s = d with
        {
            Variants = p.GetValue(Variant) is { } v ? SequenceNames.ParseVariants(v, "--variant") : d.Variants,
            Data = p.GetValue(Data) is { } data ? ParseData(data) : d.Data,
            Visible = p.GetValue(Visible) ?? d.Visible,
            Hidden = p.GetValue(Hidden) ?? d.Hidden,
            Length = p.GetValue(Length) ?? d.Length,
            Networks = p.GetValue(Networks) ?? d.Networks,
            Trials = p.GetValue(Trials) ?? d.Trials,
            Flipped = p.GetValue(Flipped) ?? d.Flipped,
            Kappa = p.GetValue(Kappa) ?? d.Kappa,
            Eta = p.GetValue(Eta) ?? d.Eta,
            MaxEpochs = p.GetValue(MaxEpochs) ?? d.MaxEpochs,
            Schedule = p.GetValue(Schedule) is { } sc ? SequenceNames.ParseSchedule(sc, "--schedule") : d.Schedule,
            HiddenCode = p.GetValue(HiddenCode) is { } hc ? SequenceNames.ParseCode(hc, "--hidden-code") : d.HiddenCode,
            Criterion = p.GetValue(Criterion) is { } cr ? SequenceNames.ParseCriterion(cr, "--criterion") : d.Criterion,
            Boundary = p.GetValue(Boundary) is { } bd ? SequenceNames.ParseBoundary(bd, "--boundary") : d.Boundary,
            Targets = p.GetValue(Targets) is { } tg ? SequenceNames.ParseTargets(tg, "--targets") : d.Targets,
            Activity = p.GetValue(Activity) ?? d.Activity,
            Backend = p.GetValue(Backend) is { } b ? BackendNames.Parse(b, "--backend") : d.Backend,
            Seed = p.GetValue(Seed) is { } seed ? (seed >= 0 ? (ulong)seed : throw new UsageException($"--seed: must be at least 0, got {seed}.")) : d.Seed,
            Lengths = p.GetValue(Lengths) is { } ls ? SequenceRange.Parse(ls, "--lengths") : d.Lengths,
            HiddenSizes = p.GetValue(HiddenSizes) is { } hs ? SequenceRange.Parse(hs, "--hidden-sizes") : d.HiddenSizes,
            Flips = p.GetValue(Flips) is { } fs ? SequenceRange.Parse(fs, "--flips") : d.Flips,
        };
        Validate(s);
        return s;
    }

    private static SequenceDataKind ParseData(string text) => text.ToLowerInvariant() switch
    {
        "random" => SequenceDataKind.Random,
        "moving-mnist" => SequenceDataKind.MovingMnist,
        "walker" => SequenceDataKind.Walker,
        _ => throw new UsageException($"--data: unknown value '{text}'; valid: random, moving-mnist, walker."),
    };

    private static void Validate(SequenceSettings s)
    {
        int n = s.VisibleOrDefault;
        AtLeast("--visible", n, 1);
        AtLeast("--hidden", s.Hidden, 1);
        AtLeast("--length", s.Length, 2);
        AtLeast("--networks", s.Networks, 1);
        AtLeast("--trials", s.Trials, 1);
        AtLeast("--max-epochs", s.MaxEpochs, 1);
        if (s.Flipped < 0 || s.Flipped > n)
            throw new UsageException($"--flipped: must lie in [0, N = {n}], got {s.Flipped}.");
        Positive("--kappa", s.Kappa);
        Positive("--eta", s.Eta);
        if (!(s.Activity > 0 && s.Activity < 1))
            throw new UsageException($"--activity: must lie strictly between 0 and 1, got {s.Activity}.");
        foreach (int t in s.Lengths)
            AtLeast("--lengths", t, 2);
        foreach (int m in s.HiddenSizes)
            AtLeast("--hidden-sizes", m, 1);
        foreach (int k in s.Flips)
            if (k < 0 || k > n)
                throw new UsageException($"--flips: every value must lie in [0, N = {n}], got {k}.");
        // Sizes the run builds before the engine sees it, multiplied in float64 so that they cannot wrap: the patterns
        // (B × T × N), the recall trials' states (B × trials × N) and the weights (B × max(2 M N, N²)).
        int longest = s.Lengths.Length > 0 ? Math.Max(s.Length, s.Lengths.Max()) : s.Length;
        int widest = s.HiddenSizes.Length > 0 ? Math.Max(s.Hidden, s.HiddenSizes.Max()) : s.Hidden;
        FitsOneArray("--networks × --length × --visible (the patterns)", (double)s.Networks * longest * n);
        FitsOneArray("--networks × --trials × --visible (the recall states)", (double)s.Networks * s.Trials * n);
        FitsOneArray("--networks × --hidden × --visible (the weights)", (double)s.Networks * Math.Max(2.0 * widest * n, (double)n * n));
        if (s.Data != SequenceDataKind.Random && (int)Math.Sqrt(n) is var side && side * side != n)
            throw new UsageException($"--visible: image data needs a square frame (side²), got {n}.");
    }

    private static void FitsOneArray(string what, double values)
    {
        if (values > Array.MaxLength)
            throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{what}: {values:G4} values exceed one array ({Array.MaxLength:N0}); use fewer networks, trials or a smaller network."));
    }

    private static void AtLeast(string flag, int value, int min)
    {
        if (value < min)
            throw new UsageException($"{flag}: must be at least {min}, got {value}.");
    }

    private static void Positive(string flag, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new UsageException($"{flag}: must be a finite number above 0, got {value}.");
    }
}
