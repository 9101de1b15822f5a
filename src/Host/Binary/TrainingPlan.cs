namespace FastAttractors.Binary;

/// <summary>A validated training request, checked once on the host; every backend trusts it.</summary>
internal sealed record TrainingPlan(SequenceBatch Sequences, TrainingOptions Options, int Hidden)
{
    public int Networks => Sequences.Networks;
    public int N => Sequences.Visible;
    public int Transitions => Sequences.Transitions;

    public bool HasHiddenLayer => Options.Variant is NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly or NetworkVariant.LongSequenceHopfieldTwoLayer;

    public static TrainingPlan Create(SequenceBatch sequences, TrainingOptions? options)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        options ??= TrainingOptions.Default;
        CheckDefined(options.Variant, nameof(options.Variant));
        CheckDefined(options.HiddenCode, nameof(options.HiddenCode));
        CheckDefined(options.Targets, nameof(options.Targets));
        CheckDefined(options.Schedule, nameof(options.Schedule));
        CheckDefined(options.Biases, nameof(options.Biases));
        CheckDefined(options.Separation, nameof(options.Separation));
        if (!(options.Kappa > 0) || !double.IsFinite(options.Kappa))
            throw new ArgumentOutOfRangeException(nameof(options), options.Kappa, $"Kappa (κ) must be finite and positive, got {options.Kappa}.");
        if (!(options.Eta > 0) || !double.IsFinite(options.Eta))
            throw new ArgumentOutOfRangeException(nameof(options), options.Eta, $"Eta (η) must be finite and positive, got {options.Eta}.");
        if (options.MaxEpochs < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEpochs, $"MaxEpochs must be at least 1, got {options.MaxEpochs}.");
        if (!(options.InitialScale >= 0) || !double.IsFinite(options.InitialScale))
            throw new ArgumentOutOfRangeException(nameof(options), options.InitialScale, $"InitialScale must be finite and non-negative, got {options.InitialScale}.");
        if (options.Degree < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Degree, $"Degree (d) must be at least 1, got {options.Degree}.");

        int hidden = options.Variant switch
        {
            NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly => options.Hidden,
            NetworkVariant.LongSequenceHopfieldTwoLayer => sequences.Transitions,
            _ => 0,
        };
        if (options.Variant is NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly)
        {
            if (options.Hidden < 1)
                throw new ArgumentOutOfRangeException(nameof(options), options.Hidden, $"Hidden (M) must be at least 1, got {options.Hidden}.");
            if (options.Targets == HiddenTargets.OneHot && options.Variant == NetworkVariant.HiddenUV && options.Hidden < sequences.Transitions)
                throw new ArgumentOutOfRangeException(nameof(options), options.Hidden,
                    $"Hidden (M) must be at least the {sequences.Transitions} transitions for OneHot targets, got {options.Hidden}.");
            if (options.Targets == HiddenTargets.SparseProjection && !(options.Activity > 0 && options.Activity < 1))
                throw new ArgumentOutOfRangeException(nameof(options), options.Activity, $"Activity (f) must be in (0, 1) for SparseProjection targets, got {options.Activity}.");
        }
        long weights = (long)sequences.Networks * Math.Max(2L * hidden * sequences.Visible, (long)sequences.Visible * sequences.Visible);
        if (weights > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(options), options.Hidden,
                $"{sequences.Networks} networks × M = {hidden} × N = {sequences.Visible} weights exceed one array ({Array.MaxLength}); train fewer networks per call.");
        return new TrainingPlan(sequences, options, hidden);
    }

    private static void CheckDefined<TEnum>(TEnum value, string name) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException("options", value, $"{name}: unknown value {value}; valid: {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }
}
