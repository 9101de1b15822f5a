namespace FastAttractors.Native;

/// <summary>
/// Parameter arrays of the C ABI: <c>length</c> values shared by all members, or <c>length·members</c> per member
/// (member fastest); optional ones may be NULL with length 0. Checked without reading, then read into a
/// <see cref="ParameterBlock"/>.
/// </summary>
internal static unsafe class ParameterArrays
{
    /// <summary>Refuses, naming <paramref name="name"/>_len, a length that is neither shared nor per member.</summary>
    public static void Check(string name, void* pointer, long given, long length, int members, bool optional)
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

    /// <summary>A slot the model does not have: it must be NULL with length 0, so a caller who fills it learns it is ignored.</summary>
    public static void Absent(string name, void* pointer, long given, string model, string why)
    {
        if (pointer != null || given != 0)
            throw new ArgumentException(
                $"{name}: {model} has no {why}; pass NULL with length 0 (got {(pointer == null ? "NULL" : "a pointer")} with length {given}).", name);
    }

    /// <summary>The block called <paramref name="parameter"/> in the engine, or null for an absent optional array.</summary>
    public static ParameterBlock? Read(string parameter, string argument, void* pointer, long given, long length, int members, ElementType type)
    {
        if (pointer == null)
            return null;
        var values = NativeArrays.Read(pointer, given, type, argument);
        return given == length
            ? ParameterBlock.Shared(parameter, values)
            : ParameterBlock.PerMemberSoa(parameter, (int)length, members, values);
    }
}
