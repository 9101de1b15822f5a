namespace FastAttractors.Native;

/// <summary>
/// A <see cref="TanhRnn"/> ensemble and its initial states read from C arrays. Whether W, b and τ are shared or per
/// member follows from their lengths (n·n or n·n·members, …), all in the engine's member-fastest layout, so nothing is
/// transposed: W_ij of member m at (i·n + j)·members + m, x_i of member m at i·members + m.
/// </summary>
internal sealed unsafe record TanhInputs(TanhRnn Model, double[] InitialStates, int N, int Members)
{
    public EnsembleProblem Problem => new(Model, InitialStates, Members);

    public static TanhInputs Read(int n, int members, void* w, long wLength, void* b, long bLength, void* tau, long tauLength,
        void* x0, long x0Length, ElementType type)
    {
        NativeArrays.Count(n, "n");
        NativeArrays.Count(members, "members");
        long nn = (long)n * n;
        var weights = Block("W", "w", w, wLength, nn, members, type, optional: false)!;
        var bias = Block("b", "b", b, bLength, n, members, type, optional: true);
        var timeConstant = Block("tau", "tau", tau, tauLength, 1, members, type, optional: true);
        NativeArrays.RequireLength(x0Length, (long)n * members, "x0", $"n·members = {n}·{members}");
        var states = NativeArrays.Read(x0, x0Length, type, "x0");
        return new TanhInputs(new TanhRnn(weights, bias, timeConstant), states, n, members);
    }

    /// <summary>A parameter block of <paramref name="length"/> values shared, or length·members per member; NULL with length 0 when optional.</summary>
    private static ParameterBlock? Block(string parameter, string name, void* pointer, long given, long length, int members,
        ElementType type, bool optional)
    {
        NativeArrays.Length(given, name);
        if (optional && pointer == null && given == 0)
            return null;
        NativeArrays.RequirePointer(pointer, name);
        long perMember = length * members;
        if (given != length && given != perMember)
            throw new ArgumentException(
                $"{name}_len: expected {length} (shared) or {length}·members = {perMember} (per member), got {given}.", name + "_len");
        var values = NativeArrays.Read(pointer, given, type, name);
        return given == length
            ? ParameterBlock.Shared(parameter, values)
            : ParameterBlock.PerMemberSoa(parameter, (int)length, members, values);
    }
}
