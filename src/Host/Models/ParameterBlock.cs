namespace FastAttractors;

/// <summary>
/// A named block of <see cref="Length"/> model parameters, either shared by all members (stored once) or given per
/// member (structure of arrays, member fastest: value p of member m at p · Members + m).
/// </summary>
public sealed class ParameterBlock
{
    private ParameterBlock(string name, int length, int members, bool perMember, double[] values)
    {
        for (int k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
                throw new ArgumentException(
                    $"parameter '{name}': value {values[k]} at index {k} is not finite.", name);
        }
        Name = name;
        Length = length;
        Members = members;
        PerMember = perMember;
        Values = values;
    }

    /// <summary>The block's name, used in error messages.</summary>
    public string Name { get; }

    /// <summary>Values per member.</summary>
    public int Length { get; }

    /// <summary>Members the block describes (1 when shared).</summary>
    public int Members { get; }

    /// <summary>True when values are given per member, false when one set is shared.</summary>
    public bool PerMember { get; }

    /// <summary>
    /// The values: Length values when shared, else Length × Members, member fastest (value p of member m at p·Members +
    /// m).
    /// </summary>
    public double[] Values { get; }

    /// <summary>
    /// Value p of member <paramref name="member"/> (the shared value whatever the member when not per member).
    /// </summary>
    public double Get(int p, int member) => PerMember ? Values[(long)p * Members + member] : Values[p];

    /// <summary>One set of values used by every member.</summary>
    public static ParameterBlock Shared(string name, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        return new ParameterBlock(name, values.Length, 1, false, (double[])values.Clone());
    }

    /// <summary>Per-member values in SoA layout (length · members values, member fastest).</summary>
    public static ParameterBlock PerMemberSoa(string name, int length, int members, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (members < 1)
            throw new ArgumentOutOfRangeException(name, members, $"parameter '{name}': members must be at least 1, got {members}.");
        if (values.Length != (long)length * members)
            throw new ArgumentException(
                $"parameter '{name}': expected {length} × {members} = {(long)length * members} values, got {values.Length}.", name);
        return new ParameterBlock(name, length, members, true, (double[])values.Clone());
    }

    /// <summary>Per-member values given member by member (values[m] is member m's block), transposed to SoA.</summary>
    public static ParameterBlock PerMemberRows(string name, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows, name);
        if (rows.Count == 0)
            throw new ArgumentException($"parameter '{name}': no members given.", name);
        int length = rows[0].Length;
        var soa = new double[(long)length * rows.Count];
        for (int m = 0; m < rows.Count; m++)
        {
            if (rows[m].Length != length)
                throw new ArgumentException(
                    $"parameter '{name}': member {m} has {rows[m].Length} values, member 0 has {length}.", name);
            for (int p = 0; p < length; p++)
                soa[(long)p * rows.Count + m] = rows[m][p];
        }
        return new ParameterBlock(name, length, rows.Count, true, soa);
    }

    /// <summary>Throws unless the block holds exactly <paramref name="expectedLength"/> values per member.</summary>
    public ParameterBlock RequireLength(int expectedLength, string what)
    {
        if (Length != expectedLength)
            throw new ArgumentException(
                $"parameter '{Name}': {what} needs {expectedLength} values per member, got {Length}.", Name);
        return this;
    }

    /// <summary>A block whose every value is transformed (e.g. τ → 1/τ for the kernels).</summary>
    internal ParameterBlock Map(string name, Func<double, double> transform) =>
        new(name, Length, Members, PerMember, Array.ConvertAll(Values, v => transform(v)));
}
