using System.Globalization;

namespace FastAttractors;

/// <summary>How a <see cref="ScanAxis"/> lays out its values.</summary>
public enum ScanAxisKind
{
    /// <summary>count values evenly from start to stop, both included (numpy's <c>linspace</c>).</summary>
    Linspace,

    /// <summary>count values geometrically from start to stop, both included and &gt; 0 (numpy's <c>geomspace</c>).</summary>
    Logspace,

    /// <summary>The values given, in order.</summary>
    List,
}

/// <summary>
/// One parameter axis of a scan grid, as a definition: <see cref="ScanAxisKind.Linspace"/> and
/// <see cref="ScanAxisKind.Logspace"/> take [start, stop, count], <see cref="ScanAxisKind.List"/> the values themselves.
/// <code>
/// var alpha = ScanAxis.Linspace("alpha", 0, 10, 128);
/// var theta = ScanAxis.List("theta", 0.5, 1.5);
/// </code>
/// </summary>
/// <param name="Name">The parameter the axis varies: alpha or theta (rotation families), g (tanh-gain).</param>
/// <param name="Kind">How the values are laid out.</param>
/// <param name="Arguments">[start, stop, count] for linspace and logspace; the values for a list.</param>
public sealed record ScanAxis(string Name, ScanAxisKind Kind, double[] Arguments)
{
    /// <summary>An axis of <paramref name="count"/> values evenly from <paramref name="start"/> to <paramref name="stop"/>, both included.</summary>
    public static ScanAxis Linspace(string name, double start, double stop, int count) => new(name, ScanAxisKind.Linspace, [start, stop, count]);

    /// <summary>An axis of <paramref name="count"/> values geometrically from <paramref name="start"/> to <paramref name="stop"/> (both &gt; 0).</summary>
    public static ScanAxis Logspace(string name, double start, double stop, int count) => new(name, ScanAxisKind.Logspace, [start, stop, count]);

    /// <summary>An axis of the given values, in order.</summary>
    public static ScanAxis List(string name, params double[] values) => new(name, ScanAxisKind.List, (double[])values.Clone());

    /// <summary>The number of values along the axis.</summary>
    public int Count => Kind == ScanAxisKind.List ? Arguments.Length : (int)Arguments[2];

    /// <summary>The values along the axis, in order; linspace and logspace end exactly on stop, as numpy's do.</summary>
    public double[] Values()
    {
        if (Kind == ScanAxisKind.List)
            return (double[])Arguments.Clone();
        double start = Arguments[0], stop = Arguments[1];
        int count = (int)Arguments[2];
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double t = count == 1 ? 0 : (double)i / (count - 1);
            values[i] = Kind == ScanAxisKind.Linspace ? start + (stop - start) * t : start * Math.Pow(stop / start, t);
        }
        if (count > 1)
            values[^1] = stop; // exactly the end point, as numpy gives it
        return values;
    }

    /// <summary>The kind as spec files write it: linspace, logspace or list.</summary>
    public string KindName => KindNames[(int)Kind];

    /// <summary>The kinds' names as spec files write them, in the order of <see cref="ScanAxisKind"/>.</summary>
    public static IReadOnlyList<string> KindNames { get; } = ["linspace", "logspace", "list"];

    /// <summary>Null if the definition is valid, else why not (without the axis name).</summary>
    public string? Problem()
    {
        if (Arguments is null)
            return "the arguments are missing";
        if (!Enum.IsDefined(Kind))
            return $"unknown kind {(int)Kind} (valid: {string.Join(", ", KindNames)})";
        if (Array.Exists(Arguments, a => !double.IsFinite(a)))
            return $"{KindName} values must be finite, got {Shown()}";
        if (Kind == ScanAxisKind.List)
            return Arguments.Length == 0 ? "list needs at least one value" : null;
        if (Arguments.Length != 3)
            return $"{KindName} needs [start, stop, count], got {Shown()}";
        double count = Arguments[2];
        if (count < 1 || count != Math.Floor(count) || count > 1 << 24)
            return $"{KindName} count must be a whole number in [1, 16777216], got {Arguments[2].ToString(CultureInfo.InvariantCulture)}";
        if (Kind == ScanAxisKind.Logspace && !(Arguments[0] > 0 && Arguments[1] > 0))
            return $"logspace start and stop must be positive, got {Shown()}";
        return null;
    }

    private string Shown() => "[" + string.Join(", ", Arguments.Take(8).Select(a => a.ToString("R", CultureInfo.InvariantCulture))) + (Arguments.Length > 8 ? ", …]" : "]");
}
