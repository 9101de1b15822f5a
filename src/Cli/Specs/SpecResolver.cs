using System.Globalization;
using FastAttractors.Backends;
using FastAttractors.Lyapunov;

namespace FastAttractors.Cli.Specs;

/// <summary>
/// Checks a spec and fills its defaults. The result names every choice explicitly (canonical lower-case names), so
/// the spec.json written next to the results reproduces the run. Errors name the field, its flag and the bad value.
/// </summary>
internal static class SpecResolver
{
    public static readonly string[] Models = ["tanh-rnn", "relu-rnn", "tanh-of-linear", "linear", "lorenz", "henon", "rossler"];
    public static readonly string[] Kinds = ["flow", "map"];
    public static readonly string[] WeightKinds = ["sparse-gaussian", "block-rotation", "pta"];
    public static readonly string[] Precisions = ["float32", "float64"];

    /// <summary>Models whose parameters are an n × n matrix built by a weight constructor.</summary>
    public static bool IsMatrixModel(string model) => model is not ("lorenz" or "henon" or "rossler");

    /// <summary>The spec of an <c>integrate</c> run: the model fields, steps and record_every.</summary>
    public static IntegrateSpec Resolve(IntegrateSpec spec)
    {
        RejectLyapunovFields(spec);
        RejectAdjointFields(spec);
        long steps = Required("steps", spec.Steps);
        AtLeast("steps", steps, 0);
        if (steps > StepCounts.Max)
            throw Bad("steps", steps, $"must be at most {StepCounts.Max} (2⁵³, where float64 times stop being exact)");
        if (spec.RecordEvery is { } every)
            AtLeast("record_every", every, 1);
        var resolved = ResolveModel(spec);
        return resolved with { Steps = steps, RecordEvery = spec.RecordEvery, Method = ResolveMethod(spec, resolved, SolverCapability.Integrate) };
    }

    /// <summary>
    /// The spec of a <c>lyapunov</c> run: the model fields and the <see cref="LyapunovOptions"/>, defaults filled from
    /// <see cref="LyapunovOptions.Default"/> and k = n, checked here so that errors name the flag (the engine checks too).
    /// </summary>
    public static IntegrateSpec ResolveLyapunov(IntegrateSpec spec)
    {
        const string why = "applies only to 'integrate' (lyapunov runs for transient + duration)";
        Reject(spec.Steps, "steps", why);
        Reject(spec.RecordEvery, "record_every", why);
        RejectAdjointFields(spec);
        var resolved = ResolveModel(spec);
        var defaults = LyapunovOptions.Default;
        int n = resolved.N!.Value;
        double transient = spec.Transient ?? defaults.Transient;
        if (!(double.IsFinite(transient) && transient >= 0))
            throw Bad("transient", transient, "must be finite and non-negative");
        double duration = spec.Duration ?? defaults.Duration;
        if (!(double.IsFinite(duration) && duration > 0))
            throw Bad("duration", duration, "must be positive and finite");
        int every = spec.Every ?? defaults.Every;
        AtLeast("every", every, 1);
        int exponents = spec.Exponents ?? n;
        if (exponents < 1 || exponents > n)
            throw Bad("exponents", exponents, $"must be between 1 and n = {n}");
        int blocks = spec.Blocks ?? defaults.Blocks;
        AtLeast("blocks", blocks, 10);
        double tolerance = spec.Tolerance ?? defaults.Tolerance;
        if (!(double.IsFinite(tolerance) && tolerance > 0))
            throw Bad("tolerance", tolerance, "must be positive and finite");
        double interval = every * (resolved.Dt ?? 1.0);
        // Counted in float64 before any conversion to whole steps: a count past 2⁵³ is refused, never rounded or wrapped.
        TooManySteps("transient", transient, transient / interval * every);
        TooManySteps("duration", duration, duration / interval * every);
        TooManySteps("duration", duration, (transient + duration) / interval * every);
        if (Math.Round(duration / interval) < blocks)
            throw Bad("duration", duration,
                $"must hold at least blocks = {blocks} QR intervals of every × dt = {interval.ToString("R", CultureInfo.InvariantCulture)}");
        LyapunovPlan.EnsureFits(n, exponents, resolved.Members!.Value, blocks, ModelValues(resolved));
        return resolved with
        {
            Method = ResolveMethod(spec, resolved, SolverCapability.Lyapunov),
            Transient = transient, Duration = duration, Every = every, Exponents = exponents, Blocks = blocks, Tolerance = tolerance,
        };
    }

    /// <summary>
    /// The spec of an <c>adjoint</c> run: the model fields, steps, the checkpoint interval, the adjoint-norm spacing
    /// (default steps / 200, so about 200 frames) and the squared-error loss (target 0 unless given; one value for
    /// every component or n values; running terms at loss_steps with the same target).
    /// </summary>
    public static IntegrateSpec ResolveAdjoint(IntegrateSpec spec)
    {
        Reject(spec.RecordEvery, "record_every", "applies only to 'integrate' (adjoint records |a(t)| every --norm-every steps)");
        RejectLyapunovFields(spec);
        var resolved = ResolveModel(spec);
        int n = resolved.N!.Value;
        long steps = Required("steps", spec.Steps);
        AtLeast("steps", steps, 1);
        if (spec.Checkpoint is { } checkpoint)
            AtLeast("checkpoint", checkpoint, 1);
        int normEvery = spec.NormEvery ?? (int)Math.Clamp(steps / 200, 1, int.MaxValue);
        AtLeast("norm_every", normEvery, 1);
        double[] target = spec.Target ?? [0.0];
        if (target.Length != 1 && target.Length != n)
            throw Bad("target", target, $"needs one value (for every component) or n = {n} values ({target.Length} given)");
        if (target.Any(v => !double.IsFinite(v)))
            throw Bad("target", target, "must be finite");
        foreach (long step in spec.LossSteps ?? [])
        {
            if (step < 0 || step > steps)
                throw Bad("loss_steps", spec.LossSteps!, $"every step must be in [0, steps = {steps}] ({step} is not)");
        }
        return resolved with { Method = ResolveMethod(spec, resolved, SolverCapability.Gradient), Steps = steps, Checkpoint = spec.Checkpoint, NormEvery = normEvery, Target = target, LossSteps = spec.LossSteps };
    }

    private static void RejectLyapunovFields(IntegrateSpec spec) => RejectAll("applies only to 'lyapunov'",
        (spec.Transient, "transient"), (spec.Duration, "duration"), (spec.Every, "every"), (spec.Exponents, "exponents"),
        (spec.Blocks, "blocks"), (spec.Tolerance, "tolerance"));

    private static void RejectAdjointFields(IntegrateSpec spec) => RejectAll("applies only to 'adjoint'",
        (spec.Checkpoint, "checkpoint"), (spec.NormEvery, "norm_every"), (spec.Target, "target"), (spec.LossSteps, "loss_steps"));

    /// <summary>The fields both commands share: model, weights, dimension, members, dt, precision, seed, backend.</summary>
    private static IntegrateSpec ResolveModel(IntegrateSpec spec)
    {
        string model = OneOf("model", RequiredModel(spec.Model), Models);
        string kind = ResolveKind(model, spec.Kind);
        int n = ResolveDimension(model, spec.N);
        int members = Required("members", spec.Members);
        AtLeast("members", members, 1);

        double? dt = spec.Dt;
        if (dt is { } given && !(double.IsFinite(given) && given > 0))
            throw Bad("dt", given, "must be positive and finite");
        if (kind == "flow")
            Required("dt", dt);
        else
            dt = null; // a map advances by one iteration per step; dt has no meaning there

        if (spec.ChunkMembers is { } chunk)
            AtLeast("chunk_members", chunk, 1);
        double x0Std = spec.X0Std ?? 1.0;
        if (!(double.IsFinite(x0Std) && x0Std >= 0))
            throw Bad("x0_std", x0Std, "must be finite and non-negative");
        string? backend = spec.Backend is null ? null : BackendNames.Parse(spec.Backend, SpecFields.Named("backend").Label).ToString();

        var resolved = new IntegrateSpec
        {
            Model = model,
            Kind = kind,
            N = n,
            Members = members,
            Dt = dt,
            Precision = OneOf("precision", spec.Precision ?? "float64", Precisions),
            Seed = spec.Seed ?? 1,
            X0Std = x0Std,
            Backend = backend,
            ChunkMembers = spec.ChunkMembers,
        };
        resolved = IsMatrixModel(model) ? ResolveWeights(spec, resolved) : RejectWeightFields(spec, model, resolved);
        resolved = ModelParameters.Resolve(spec, resolved);
        // The weights are drawn before the engine sees the problem: refuse what cannot be held before drawing any.
        HostMemory.EnsureFits(ModelValues(resolved), (double)n * members, $"the weights and states ({n} × {n} weights per member)", "members", members);
        return resolved;
    }

    /// <summary>Float64 values the CLI builds for a model before the engine runs: weights (n² per member at most) and x0.</summary>
    private static double ModelValues(IntegrateSpec spec)
    {
        double n = spec.N!.Value, members = spec.Members!.Value;
        bool perMember = spec.Weights is "sparse-gaussian" or "pta";
        return (IsMatrixModel(spec.Model!) ? n * n * (perMember ? members : 1) : 0) + 2 * n * members;
    }

    private static IntegrateSpec ResolveWeights(IntegrateSpec spec, IntegrateSpec resolved)
    {
        string weights = OneOf("weights", spec.Weights ?? "sparse-gaussian", WeightKinds);
        if (weights != "pta")
        {
            Reject(spec.PtaScan, "pta_scan", "applies only to --weights pta");
            Reject(spec.PtaTolerance, "pta_tolerance", "applies only to --weights pta");
        }
        if (weights == "pta")
            return ResolvePta(spec, resolved);
        if (weights == "sparse-gaussian")
        {
            Reject(spec.Alpha, "alpha", "applies only to --weights block-rotation");
            Reject(spec.Theta, "theta", "applies only to --weights block-rotation");
            double g = spec.G ?? 1.5;
            if (!(double.IsFinite(g) && g >= 0))
                throw Bad("g", g, "must be finite and non-negative");
            if (spec.GEnd is { } gEnd && !(double.IsFinite(gEnd) && gEnd >= 0))
                throw Bad("g_end", gEnd, "must be finite and non-negative");
            double connectivity = spec.Connectivity ?? 1.0;
            if (!(connectivity > 0 && connectivity <= 1))
                throw Bad("connectivity", connectivity, "must be in (0, 1]");
            return resolved with { Weights = weights, G = g, GEnd = spec.GEnd, Connectivity = connectivity };
        }
        RejectSparseGaussianFields(spec);
        double alpha = Required("alpha", spec.Alpha);
        double theta = Required("theta", spec.Theta);
        if (!double.IsFinite(alpha))
            throw Bad("alpha", alpha, "must be finite");
        if (!double.IsFinite(theta))
            throw Bad("theta", theta, "must be finite");
        return resolved with { Weights = weights, Alpha = alpha, Theta = theta };
    }

    /// <summary>
    /// PTA weights need a scan whose dynamics the blocks follow: a rotation-map scan for the tanh-of-linear map
    /// (Eq. 21), a rotation-flow scan for the tanh-of-linear flow (Eq. 20) and for tanh-rnn (τ ẋ = −x + W tanh x is
    /// conjugate to Eq. 20 by x = W y, so it has the same exponents). The scan is read when the run is built.
    /// </summary>
    private static IntegrateSpec ResolvePta(IntegrateSpec spec, IntegrateSpec resolved)
    {
        RejectSparseGaussianFields(spec);
        Reject(spec.Alpha, "alpha", "applies only to --weights block-rotation (pta draws α from the scan)");
        Reject(spec.Theta, "theta", "applies only to --weights block-rotation (pta draws θ from the scan)");
        if (resolved.Model is not ("tanh-rnn" or "tanh-of-linear"))
            throw Bad("weights", "pta", $"applies to tanh-rnn and tanh-of-linear (the dynamics the rotation-block scans follow), not model '{resolved.Model}'");
        string scan = spec.PtaScan ?? throw new UsageException($"{SpecFields.Named("pta_scan").Label} is required with --weights pta (a rotation-block scan result).");
        double tolerance = spec.PtaTolerance ?? Scan.ScanPtaRegion.DefaultTolerance;
        if (!(double.IsFinite(tolerance) && tolerance > 0))
            throw Bad("pta_tolerance", tolerance, "must be positive and finite");
        return resolved with { Weights = "pta", PtaScan = scan, PtaTolerance = tolerance };
    }

    private static void RejectSparseGaussianFields(IntegrateSpec spec) => RejectAll("applies only to --weights sparse-gaussian",
        (spec.G, "g"), (spec.GEnd, "g_end"), (spec.Connectivity, "connectivity"));

    /// <summary>The scan family whose region PTA weights of a resolved spec are drawn from.</summary>
    public static string PtaFamily(IntegrateSpec resolved) =>
        resolved.Kind == "map" ? Scan.ScanPtaRegion.MapFamily : Scan.ScanPtaRegion.FlowFamily;

    private static IntegrateSpec RejectWeightFields(IntegrateSpec spec, string model, IntegrateSpec resolved)
    {
        RejectAll($"does not apply to model '{model}' (it has no weight matrix)", (spec.Weights, "weights"), (spec.G, "g"), (spec.GEnd, "g_end"),
            (spec.Connectivity, "connectivity"), (spec.Alpha, "alpha"), (spec.Theta, "theta"), (spec.PtaScan, "pta_scan"), (spec.PtaTolerance, "pta_tolerance"));
        return resolved;
    }

    private static string ResolveKind(string model, string? kind)
    {
        string natural = model == "henon" ? "map" : "flow";
        if (kind is null)
            return natural;
        string chosen = OneOf("kind", kind, Kinds);
        if (model != "tanh-of-linear" && chosen != natural)
            throw Bad("kind", kind, $"model '{model}' is a {natural}; only tanh-of-linear has both forms");
        return chosen;
    }

    private static int ResolveDimension(string model, int? n)
    {
        int? fixedDimension = model switch { "lorenz" or "rossler" => 3, "henon" => 2, _ => null };
        if (fixedDimension is { } d)
        {
            if (n is { } given && given != d)
                throw Bad("n", given, $"model '{model}' has dimension {d}");
            return d;
        }
        int value = Required("n", n);
        AtLeast("n", value, 1);
        return value;
    }

    /// <summary>
    /// The method's canonical name, or null when unset (classic RK4, and spec.json unchanged). Maps take none; a
    /// method the chosen backend cannot run for this command is refused here, naming where it does run.
    /// </summary>
    private static string? ResolveMethod(IntegrateSpec spec, IntegrateSpec resolved, SolverCapability capability)
    {
        if (spec.Method is null)
            return null;
        string name = OneOf("method", spec.Method, [.. Methods.Names]);
        if (resolved.Kind == "map")
            throw Bad("method", spec.Method, "applies only to flows (a map advances by iteration)");
        var backend = resolved.Backend is null ? DeviceCatalog.DefaultBackend() : BackendNames.Parse(resolved.Backend, SpecFields.Named("backend").Label);
        if (!MethodSupport.Supports(backend, capability, Methods.ByName(name)))
        {
            throw Bad("method", spec.Method, $"{capability} on backend {backend.ToString().ToLowerInvariant()} runs only rk4; '{name}' needs backend reference or simd");
        }
        return name;
    }

    private static string OneOf(string field, string value, string[] valid)
    {
        string lower = value.Trim().ToLowerInvariant();
        return valid.Contains(lower) ? lower : throw Bad(field, value, $"must be one of {string.Join(", ", valid)}");
    }

    private static T Required<T>(string field, T? value) where T : struct =>
        value ?? throw new UsageException($"{SpecFields.Named(field).Label} is required.");

    private static string RequiredModel(string? value) =>
        value ?? throw new UsageException($"{SpecFields.Named("model").Label} is required; valid values: {string.Join(", ", Models)}.");

    private static void TooManySteps(string field, double value, double steps)
    {
        if (!(steps <= StepCounts.Max))
            throw Bad(field, value, string.Create(CultureInfo.InvariantCulture,
                $"makes the run {steps:G4} steps long, more than one run may take ({StepCounts.Max}, i.e. 2⁵³); use a shorter time or a longer dt"));
    }

    private static void AtLeast(string field, long value, long minimum)
    {
        if (value < minimum)
            throw Bad(field, value, $"must be at least {minimum}");
    }

    /// <summary>Refuses the first of <paramref name="fields"/> that is set, for the same reason as any of them.</summary>
    private static void RejectAll(string why, params (object? Value, string Field)[] fields)
    {
        foreach (var (value, field) in fields)
            Reject(value, field, why);
    }

    internal static void Reject(object? value, string field, string why)
    {
        if (value is not null)
            throw Bad(field, value, why);
    }

    internal static UsageException Bad(string field, object value, string why) =>
        new($"{SpecFields.Named(field).Label}: {why}, got {Format(value)}.");

    private static string Format(object value) => value switch
    {
        string s => $"'{Input.Excerpt.Of(s)}'",
        double[] list => string.Join(",", list.Select(v => Format(v))),
        long[] list => string.Join(",", list.Select(v => Format(v))),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
