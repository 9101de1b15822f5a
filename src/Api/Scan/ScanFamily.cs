namespace FastAttractors;

/// <summary>What a scan's rows are: which network each grid point and member stands for.</summary>
public enum ScanFamily
{
    /// <summary>The rotation-block flow ẋ = −x + tanh(α R(θ) x) in 2-D (Eq. 20, Fig. 5A); axes alpha and theta.</summary>
    RotationFlow,

    /// <summary>The rotation-block map x ← tanh(α R(θ) x) in 2-D (Eq. 21); axes alpha and theta.</summary>
    RotationMap,

    /// <summary>Random tanh networks ẋ = −x + tanh(W x) with Gaussian W of gain g (Eq. S3), one W per row; axis g.</summary>
    TanhGain,
}

/// <summary>The names of the families as spec files, the C ABI and Python write them, and the axes each takes.</summary>
public static class ScanFamilies
{
    /// <summary>Every family's name, in the order of <see cref="ScanFamily"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rotation-flow", "rotation-map", "tanh-gain"];

    /// <summary>The name of <paramref name="family"/>: rotation-flow, rotation-map or tanh-gain.</summary>
    public static string Name(ScanFamily family) => Enum.IsDefined(family)
        ? Names[(int)family]
        : throw new ArgumentOutOfRangeException(nameof(family), family, $"family: unknown family {(int)family} (valid: {string.Join(", ", Names)}).");

    /// <summary>The family named <paramref name="name"/>, or null when no family has that name.</summary>
    public static ScanFamily? Parse(string name)
    {
        int at = Array.IndexOf([.. Names], name);
        return at < 0 ? null : (ScanFamily)at;
    }

    /// <summary>The axes a family's grid must have, each exactly once: alpha and theta, or g.</summary>
    public static IReadOnlyList<string> AxisNames(ScanFamily family) => family == ScanFamily.TanhGain ? ["g"] : ["alpha", "theta"];

    /// <summary>Null if <paramref name="family"/> takes an axis named <paramref name="axis"/>, else why not.</summary>
    public static string? AxisProblem(ScanFamily family, string axis)
    {
        var valid = AxisNames(family);
        return valid.Contains(axis) ? null : $"family '{Name(family)}' takes the axes {string.Join(" and ", valid)}, not '{Shorten(axis)}'";
    }

    // An axis name can be a whole line of a hostile spec file; a message quotes at most its first 60 characters.
    internal static string Shorten(string text) =>
        text.Length <= 60 ? text : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..59]}… ({text.Length:N0} characters)");
}
