namespace FastAttractors.Native;

/// <summary>
/// An fa_model and its initial states with every size checked and nothing read yet: an export checks these, then its
/// own outputs and counts, and only then calls <see cref="Read"/>, so a bad argument never costs a large copy.
/// Messages name the C argument with <c>prefix</c> in front ("model.w_len" for the generic exports; no prefix for
/// the fa_tanh_* functions, whose model arguments are plain parameters).
/// </summary>
internal readonly unsafe struct ModelArguments
{
    private readonly NativeModel model;
    private readonly void* x0;
    private readonly string prefix;

    private ModelArguments(NativeModel model, ModelKind kind, long state, void* x0, string prefix)
    {
        this.model = model;
        Kind = kind;
        State = state;
        this.x0 = x0;
        this.prefix = prefix;
    }

    public ModelKind Kind { get; }

    /// <summary>What the argument names start with: "model." for fa_model, "" for the fa_tanh_* parameters.</summary>
    public string Prefix => prefix;

    public int N => model.N;

    public int Members => model.Members;

    /// <summary>n·members: the length of x0 and of every state-shaped output.</summary>
    public long State { get; }

    /// <summary>Checks the model behind <paramref name="pointer"/> (the generic exports: argument names "model.*").</summary>
    public static ModelArguments Check(NativeModel* pointer, void* x0, long x0Length)
    {
        NativeArrays.RequirePointer(pointer, "model");
        return Check(*pointer, x0, x0Length, "model.");
    }

    public static ModelArguments Check(NativeModel model, void* x0, long x0Length, string prefix)
    {
        var kind = ModelKinds.FromCode(model.Kind, prefix + "kind");
        int n = NativeArrays.Count(model.N, prefix + "n");
        int members = NativeArrays.Count(model.Members, prefix + "members");
        if (kind.Dimension is { } dimension && n != dimension)
            throw new ArgumentOutOfRangeException(prefix + "n", n, $"{prefix}n: {kind.Name} has dimension {dimension}, got {n}.");
        long nn = kind.Matrix is { } matrix ? ElementCounts.Product(prefix + "n", $"a shared {matrix} needs n·n", n, n) : 0;
        long state = ElementCounts.Product(prefix + "members", "the states need n·members", n, members);
        if (kind.Matrix is not null)
            ParameterArrays.Check(prefix + "w", model.Arrays.W, model.Arrays.WLength, nn, members, optional: false);
        else
            ParameterArrays.Absent(prefix + "w", model.Arrays.W, model.Arrays.WLength, kind.Name, "weight matrix");
        if (kind.Bias)
            ParameterArrays.Check(prefix + "b", model.Arrays.B, model.Arrays.BLength, n, members, optional: true);
        else
            ParameterArrays.Absent(prefix + "b", model.Arrays.B, model.Arrays.BLength, kind.Name, "bias");
        if (kind.Tau)
            ParameterArrays.Check(prefix + "tau", model.Arrays.Tau, model.Arrays.TauLength, 1, members, optional: true);
        else
            ParameterArrays.Absent(prefix + "tau", model.Arrays.Tau, model.Arrays.TauLength, kind.Name, "time constant");
        CheckCoefficients(kind, model, members, prefix + "coefficients");
        NativeArrays.RequireLength(x0Length, state, "x0", $"n·members = {n}·{members}");
        NativeArrays.RequirePointer(x0, "x0");
        return new ModelArguments(model, kind, state, x0, prefix);
    }

    private static void CheckCoefficients(ModelKind kind, NativeModel model, int members, string name)
    {
        if (kind.Coefficients is null)
        {
            ParameterArrays.Absent(name, model.Arrays.Coefficients, model.Arrays.CoefficientsLength, kind.Name, "coefficients");
            return;
        }
        int count = kind.Defaults.Length;
        if (kind.PerMemberCoefficients)
        {
            ParameterArrays.Check(name, model.Arrays.Coefficients, model.Arrays.CoefficientsLength, count, members, optional: true);
            return;
        }
        NativeArrays.Length(model.Arrays.CoefficientsLength, name);
        if (model.Arrays.Coefficients == null && model.Arrays.CoefficientsLength == 0)
            return;
        NativeArrays.RequirePointer(model.Arrays.Coefficients, name);
        if (model.Arrays.CoefficientsLength != count)
            throw new ArgumentException(
                $"{name}_len: {kind.Name} takes {count} coefficients ({kind.CoefficientNames}) shared by all members, got {model.Arrays.CoefficientsLength}.",
                name + "_len");
    }

    /// <summary>Reads the arrays (as <paramref name="type"/>) and builds the engine's model and problem.</summary>
    public EnsembleProblem Read(ElementType type)
    {
        int n = N, members = Members;
        var w = Kind.Matrix is { } matrix
            ? ParameterArrays.Read(matrix, prefix + "w", model.Arrays.W, model.Arrays.WLength, (long)n * n, members, type)
            : null;
        var b = Kind.Bias ? ParameterArrays.Read("b", prefix + "b", model.Arrays.B, model.Arrays.BLength, n, members, type) : null;
        var tau = Kind.Tau ? ParameterArrays.Read("tau", prefix + "tau", model.Arrays.Tau, model.Arrays.TauLength, 1, members, type) : null;
        double[] coefficients = Kind.Defaults;
        ParameterBlock? perMember = null;
        if (Kind.Coefficients is { } block && model.Arrays.Coefficients != null)
        {
            var read = ParameterArrays.Read(block, prefix + "coefficients", model.Arrays.Coefficients, model.Arrays.CoefficientsLength,
                Kind.Defaults.Length, members, type)!;
            if (read.PerMember)
                perMember = read;
            else
                coefficients = read.Values;
        }
        var states = NativeArrays.Read(x0, State, type, "x0");
        var built = Kind.Build(new ModelBlocks(w, b, tau, coefficients, perMember));
        return new EnsembleProblem(built, states, members);
    }
}
