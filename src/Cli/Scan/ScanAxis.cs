using System.Globalization;
using FastAttractors.Cli.Input;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// One parameter axis of a scan: <c>linspace</c> (count values evenly from start to stop, both included),
/// <c>logspace</c> (count values geometrically from start to stop, both &gt; 0; numpy's <c>geomspace</c>) or an
/// explicit <c>list</c>. The definition, not the expanded values, is what the spec file and its hash hold.
/// </summary>
internal sealed record ScanAxis(string Name, string Kind, double[] Arguments)
{
    public static readonly string[] Kinds = ["linspace", "logspace", "list"];

    /// <summary>The values along the axis, in order.</summary>
    public double[] Values()
    {
        if (Kind == "list")
            return (double[])Arguments.Clone();
        double start = Arguments[0], stop = Arguments[1];
        int count = (int)Arguments[2];
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double t = count == 1 ? 0 : (double)i / (count - 1);
            values[i] = Kind == "linspace" ? start + (stop - start) * t : start * Math.Pow(stop / start, t);
        }
        if (count > 1)
            values[^1] = stop; // exactly the end point, as numpy gives it
        return values;
    }

    public int Count => Kind == "list" ? Arguments.Length : (int)Arguments[2];

    /// <summary>Null if the definition is valid, else why not (without the axis name).</summary>
    public string? Problem()
    {
        if (Array.Exists(Arguments, a => !double.IsFinite(a)))
            return $"{Kind} values must be finite, got {Shown()}";
        if (Kind == "list")
            return Arguments.Length == 0 ? "list needs at least one value" : null;
        if (Arguments.Length != 3)
            return $"{Kind} needs [start, stop, count], got {Shown()}";
        double count = Arguments[2];
        if (count < 1 || count != Math.Floor(count) || count > 1 << 24)
            return $"{Kind} count must be a whole number in [1, 16777216], got {Arguments[2].ToString(CultureInfo.InvariantCulture)}";
        if (Kind == "logspace" && !(Arguments[0] > 0 && Arguments[1] > 0))
            return $"logspace start and stop must be positive, got {Shown()}";
        return null;
    }

    /// <summary>The CLI form, <c>NAME=KIND:A:B:C</c> (linspace/logspace) or <c>NAME=list:V1,V2,…</c>.</summary>
    public override string ToString() =>
        $"{Name}={Kind}:{string.Join(Kind == "list" ? "," : ":", Arguments.Select(a => a.ToString("R", CultureInfo.InvariantCulture)))}";

    private string Shown() => "[" + string.Join(", ", Arguments.Take(8).Select(a => a.ToString("R", CultureInfo.InvariantCulture))) + (Arguments.Length > 8 ? ", …]" : "]");

    /// <summary>Parses the <c>--axis</c> form; errors name the flag and the text.</summary>
    public static ScanAxis ParseFlag(string text)
    {
        int eq = text.IndexOf('=');
        int colon = text.IndexOf(':', Math.Max(eq, 0));
        if (eq <= 0 || colon < 0)
            throw new UsageException($"--axis: expected NAME=linspace:START:STOP:COUNT, NAME=logspace:START:STOP:COUNT or NAME=list:V1,V2,…, got '{Excerpt.Of(text)}'.");
        string name = text[..eq].Trim(), kind = text[(eq + 1)..colon].Trim();
        if (!Kinds.Contains(kind))
            throw new UsageException($"--axis: axis '{Excerpt.Of(name)}': unknown kind '{kind}' (valid: {string.Join(", ", Kinds)}) in '{Excerpt.Of(text)}'.");
        var parts = text[(colon + 1)..].Split(kind == "list" ? ',' : ':', StringSplitOptions.TrimEntries);
        var arguments = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out arguments[i]))
                throw new UsageException($"--axis: axis '{Excerpt.Of(name)}': '{Excerpt.Of(parts[i])}' is not a number in '{Excerpt.Of(text)}'.");
        }
        var axis = new ScanAxis(name, kind, arguments);
        if (axis.Problem() is { } problem)
            throw new UsageException($"--axis: axis '{Excerpt.Of(name)}': {problem}.");
        return axis;
    }
}
