namespace FastAttractors.Native;

/// <summary>
/// The model's C arguments with every size checked and nothing read yet: an export checks these, then its own
/// outputs and counts, and only then calls <see cref="Read"/>, so a bad argument never costs a large copy.
/// </summary>
internal readonly unsafe struct TanhArguments
{
    private readonly void* w, b, tau, x0;
    private readonly long wLength, bLength, tauLength;

    public int N { get; }

    public int Members { get; }

    /// <summary>n·members: the length of x0 and of every state-shaped output.</summary>
    public long State { get; }

    private TanhArguments(int n, int members, long state, void* w, long wLength, void* b, long bLength, void* tau, long tauLength, void* x0)
    {
        N = n;
        Members = members;
        State = state;
        this.w = w;
        this.wLength = wLength;
        this.b = b;
        this.bLength = bLength;
        this.tau = tau;
        this.tauLength = tauLength;
        this.x0 = x0;
    }

    public static TanhArguments Check(int n, int members, void* w, long wLength, void* b, long bLength, void* tau, long tauLength,
        void* x0, long x0Length)
    {
        NativeArrays.Count(n, "n");
        NativeArrays.Count(members, "members");
        long nn = ElementCounts.Product("n", "a shared W needs n·n", n, n);
        long state = ElementCounts.Product("members", "the states need n·members", n, members);
        CheckBlock("w", w, wLength, nn, members, optional: false);
        CheckBlock("b", b, bLength, n, members, optional: true);
        CheckBlock("tau", tau, tauLength, 1, members, optional: true);
        NativeArrays.RequireLength(x0Length, state, "x0", $"n·members = {n}·{members}");
        NativeArrays.RequirePointer(x0, "x0");
        return new TanhArguments(n, members, state, w, wLength, b, bLength, tau, tauLength, x0);
    }

    public TanhInputs Read(ElementType type)
    {
        var weights = ReadBlock("W", w, wLength, (long)N * N, type)!;
        var bias = ReadBlock("b", b, bLength, N, type);
        var timeConstant = ReadBlock("tau", tau, tauLength, 1, type);
        var states = NativeArrays.Read(x0, State, type, "x0");
        return new TanhInputs(new TanhRnn(weights, bias, timeConstant), states, N, Members);
    }

    /// <summary>A parameter block of <paramref name="length"/> values shared, or length·members per member; NULL with length 0 when optional.</summary>
    private static void CheckBlock(string name, void* pointer, long given, long length, int members, bool optional)
    {
        NativeArrays.Length(given, name);
        if (optional && pointer == null && given == 0)
            return;
        NativeArrays.RequirePointer(pointer, name);
        if (given == length)
            return;
        if (!ElementCounts.Fits(length, members))
            throw new ArgumentException(
                $"{name}_len: expected {length} (shared); per member it would be {length}·members = {ElementCounts.Exact([length, members])}, "
                + $"more than one array can hold ({ElementCounts.Largest}), got {given}.", name + "_len");
        long perMember = length * members;
        if (given != perMember)
            throw new ArgumentException(
                $"{name}_len: expected {length} (shared) or {length}·members = {perMember} (per member), got {given}.", name + "_len");
    }

    private ParameterBlock? ReadBlock(string parameter, void* pointer, long given, long length, ElementType type)
    {
        if (pointer == null)
            return null;
        var values = NativeArrays.Read(pointer, given, type, parameter.ToLowerInvariant());
        return given == length
            ? ParameterBlock.Shared(parameter, values)
            : ParameterBlock.PerMemberSoa(parameter, (int)length, Members, values);
    }
}
