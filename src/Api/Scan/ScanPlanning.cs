using FastAttractors.Lyapunov;

namespace FastAttractors;

/// <summary>
/// Checks a scan's problem and options and fills the family defaults (<see cref="ScanPlan.Create"/>). Every error is an
/// <see cref="ArgumentException"/> whose parameter name is the property at fault and whose message starts with it, so
/// the CLI can name its own field and flag instead.
/// </summary>
internal static class ScanPlanning
{
    public static ScanPlan Resolve(ScanProblem problem, ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var family = problem.Family;
        if (!Enum.IsDefined(family))
            throw Bad(nameof(ScanProblem.Family), $"unknown family {(int)family} (valid: {string.Join(", ", ScanFamilies.Names)}).");
        bool rotation = family != ScanFamily.TanhGain, map = family == ScanFamily.RotationMap;
        CheckRanges(problem, options);
        if (rotation && problem.N is { } n0 && n0 != 2)
            throw Bad(nameof(ScanProblem.N), $"the rotation-block families are 2-D, got {n0}.");
        if (rotation && problem.Connectivity is not null)
            throw Bad(nameof(ScanProblem.Connectivity), "only tanh-gain has random weights.");
        if (map && options.Dt is not null)
            throw Bad(nameof(ScanOptions.Dt), "rotation-map is iterated, it has no step size.");
        int n = rotation ? 2 : problem.N ?? throw Bad(nameof(ScanProblem.N), "tanh-gain needs the dimension n (the rotation families are 2-D).");

        var axes = problem.Axes ?? throw Bad(nameof(ScanProblem.Axes), "the grid's axes are missing.");
        foreach (var axis in axes)
        {
            if (axis is null)
                throw Bad(nameof(ScanProblem.Axes), "an axis is null.");
            if (ScanFamilies.AxisProblem(family, axis.Name) is { } problemText)
                throw Bad(nameof(ScanProblem.Axes), $"axis '{ScanFamilies.Shorten(axis.Name)}': {problemText}.");
            if (axis.Problem() is { } definition)
                throw Bad(nameof(ScanProblem.Axes), $"axis '{ScanFamilies.Shorten(axis.Name)}': {definition}.");
            if (axes.Count(a => a?.Name == axis.Name) > 1)
                throw Bad(nameof(ScanProblem.Axes), $"axis '{ScanFamilies.Shorten(axis.Name)}' is given twice.");
        }
        var missing = ScanFamilies.AxisNames(family).Where(name => axes.All(a => a.Name != name)).ToArray();
        if (missing.Length > 0)
            throw Bad(nameof(ScanProblem.Axes), $"family '{ScanFamilies.Name(family)}' needs the axis {string.Join(" and ", missing)} (a one-value list fixes it).");

        double dt = map ? 1 : options.Dt ?? 0.05;
        int every = options.Every ?? (family == ScanFamily.RotationFlow ? Math.Max(1, (int)Math.Round(0.1 / dt)) : 10);
        var resolvedProblem = problem with { N = n, Connectivity = rotation ? null : problem.Connectivity ?? 1.0, Axes = [.. axes] };
        var resolved = options with
        {
            Dt = map ? null : dt,
            Transient = options.Transient ?? (rotation ? 500 : 100),
            Duration = options.Duration ?? (map ? 50_000 : 1_000),
            Every = every,
            Exponents = options.Exponents ?? n,
        };
        if (resolved.Exponents > n)
            throw Bad(nameof(ScanOptions.Exponents), $"at most n = {n}, got {resolved.Exponents}.");
        double interval = every * dt, duration = resolved.Duration!.Value, transient = resolved.Transient!.Value;
        if (duration / interval < resolved.Blocks)
            throw Bad(nameof(ScanOptions.Duration), $"{duration} holds {Math.Floor(duration / interval)} QR intervals "
                + $"of {interval}; the {resolved.Blocks} blocks need at least one each.");
        // Counted in float64 before any conversion to whole steps: a count past 2⁵³ is refused, never rounded or wrapped.
        double steps = (transient + duration) / dt;
        if (!(steps <= StepCounts.Max))
            throw Bad(nameof(ScanOptions.Duration), $"transient {transient} + duration {duration} makes {steps:G4} steps "
                + $"of {dt} per row, more than one run may take ({StepCounts.Max}, i.e. 2⁵³).");
        ScanPlan plan;
        try
        {
            plan = ScanPlan.Of(resolvedProblem, resolved);
        }
        catch (OverflowException)
        {
            throw Bad(nameof(ScanProblem.Axes), "the grid × members is too large (more than 2⁶³ rows or 2³¹ chunks).");
        }
        EnsureChunkFits(plan);
        return plan;
    }

    /// <summary>The range of each field on its own (the CLI checks them first, naming the flag or the file's line).</summary>
    private static void CheckRanges(ScanProblem problem, ScanOptions options)
    {
        if (problem.N is < 1)
            throw Bad(nameof(ScanProblem.N), $"must be at least 1, got {problem.N}.");
        if (problem.Connectivity is { } c && !(c > 0 && c <= 1))
            throw Bad(nameof(ScanProblem.Connectivity), $"must be in (0, 1], got {c}.");
        if (problem.Members < 1)
            throw Bad(nameof(ScanProblem.Members), $"must be at least 1, got {problem.Members}.");
        if (problem.Seed < 0)
            throw Bad(nameof(ScanProblem.Seed), $"must be non-negative, got {problem.Seed}.");
        if (!(problem.InitialStateStd >= 0 && double.IsFinite(problem.InitialStateStd)))
            throw Bad(nameof(ScanProblem.InitialStateStd), $"must be finite and non-negative, got {problem.InitialStateStd}.");
        if (options.Dt is { } dt && !(dt > 0 && double.IsFinite(dt)))
            throw Bad(nameof(ScanOptions.Dt), $"must be finite and positive, got {dt}.");
        if (options.Transient is { } t && !(t >= 0 && double.IsFinite(t)))
            throw Bad(nameof(ScanOptions.Transient), $"must be finite and non-negative, got {t}.");
        if (options.Duration is { } d && !(d > 0 && double.IsFinite(d)))
            throw Bad(nameof(ScanOptions.Duration), $"must be finite and positive, got {d}.");
        if (options.Every is < 1)
            throw Bad(nameof(ScanOptions.Every), $"must be at least 1, got {options.Every}.");
        if (options.Exponents is < 1)
            throw Bad(nameof(ScanOptions.Exponents), $"must be at least 1, got {options.Exponents}.");
        if (options.Blocks < 10)
            throw Bad(nameof(ScanOptions.Blocks), $"must be at least 10, got {options.Blocks}.");
        if (!(options.Tolerance > 0))
            throw Bad(nameof(ScanOptions.Tolerance), $"must be positive, got {options.Tolerance}.");
        if (!Enum.IsDefined(options.Precision))
            throw Bad(nameof(ScanOptions.Precision), $"unknown precision {(int)options.Precision}.");
        if (options.ChunkRows < 1)
            throw Bad(nameof(ScanOptions.ChunkRows), $"must be at least 1, got {options.ChunkRows}.");
    }

    /// <summary>
    /// Refuses a chunk whose ensemble cannot be held: a chunk's rows run as one ensemble, so a chunk of 2·10⁹ rows on a
    /// large grid would otherwise allocate until the machine runs out of memory.
    /// </summary>
    private static void EnsureChunkFits(ScanPlan plan)
    {
        long rows = Math.Min(plan.ChunkRows, plan.Rows);
        // Per row: its weights (n² for tanh-gain, 4 for a rotation block), x0, and about 16 small arrays of bookkeeping.
        double perRow = (double)plan.N * plan.N + plan.N + 16 * 4;
        try
        {
            LyapunovPlan.EnsureFits(plan.N, plan.K, rows, plan.Options.Blocks, perRow * rows, "Use a smaller chunk (the results do not depend on it).");
        }
        catch (ArgumentOutOfRangeException e)
        {
            string first = FirstLine(e.Message, e.ParamName);
            throw e.ParamName == "n"
                ? Bad(nameof(ScanProblem.N), $"n = {plan.N} with k = {plan.K} exponents: {first}")
                : Bad(nameof(ScanOptions.ChunkRows), $"{plan.ChunkRows} rows: {first}");
        }
    }

    /// <summary>An error naming <paramref name="property"/> first, as the engine's argument errors do.</summary>
    private static ArgumentException Bad(string property, string message) => new($"{property}: {message}", property);

    private static string FirstLine(string message, string? parameter)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        string line = newline < 0 ? message : message[..newline];
        string suffix = $" (Parameter '{parameter}')";
        return parameter is not null && line.EndsWith(suffix, StringComparison.Ordinal) ? line[..^suffix.Length] : line;
    }
}
