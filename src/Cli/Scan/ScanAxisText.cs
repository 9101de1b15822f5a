using System.Globalization;
using FastAttractors.Cli.Input;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// The <c>--axis</c> flag's form of a <see cref="ScanAxis"/>, <c>NAME=KIND:A:B:C</c> (linspace/logspace) or
/// <c>NAME=list:V1,V2,…</c>, and the kinds' names. Spec files hold the same definition as JSON (<see cref="ScanSpecReader"/>); the
/// definition, not the expanded values, is what a spec file and its hash hold.
/// </summary>
internal static class ScanAxisText
{
    /// <summary>The kind named <paramref name="name"/> (linspace, logspace or list), or null.</summary>
    public static ScanAxisKind? KindOf(string name)
    {
        int at = ScanAxis.KindNames.ToList().IndexOf(name);
        return at < 0 ? null : (ScanAxisKind)at;
    }

    /// <summary>The valid kinds, for error messages.</summary>
    public static string ValidKinds => string.Join(", ", ScanAxis.KindNames);

    /// <summary>Parses the <c>--axis</c> form; errors name the flag and the text.</summary>
    public static ScanAxis ParseFlag(string text)
    {
        int eq = text.IndexOf('=');
        int colon = text.IndexOf(':', Math.Max(eq, 0));
        if (eq <= 0 || colon < 0)
            throw new UsageException($"--axis: expected NAME=linspace:START:STOP:COUNT, NAME=logspace:START:STOP:COUNT or NAME=list:V1,V2,…, got '{Excerpt.Of(text)}'.");
        string name = text[..eq].Trim(), kindName = text[(eq + 1)..colon].Trim();
        if (KindOf(kindName) is not { } kind)
            throw new UsageException($"--axis: axis '{Excerpt.Of(name)}': unknown kind '{kindName}' (valid: {ValidKinds}) in '{Excerpt.Of(text)}'.");
        var parts = text[(colon + 1)..].Split(kind == ScanAxisKind.List ? ',' : ':', StringSplitOptions.TrimEntries);
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
