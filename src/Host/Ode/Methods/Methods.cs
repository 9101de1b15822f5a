namespace FastAttractors;

/// <summary>
/// The registry of built-in explicit Runge–Kutta methods: each method is one tableau in its own file
/// (<c>Methods/&lt;Name&gt;.cs</c>), and one line of <see cref="All"/> makes it known by name.
/// </summary>
public static partial class Methods
{
    // Built on first use, not as a field initialiser: the tableaus are initialisers in other parts of this partial
    // class, and C# leaves the order of initialisers across parts unspecified.
    private static ButcherTableau[]? all;

    /// <summary>Every built-in method, in the order the CLI lists them.</summary>
    public static IReadOnlyList<ButcherTableau> All => all ??=
    [
        ClassicRk4,
        Euler,
        Heun,
        Tsit5,
    ];

    /// <summary>The names <see cref="ByName"/> accepts.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(m => m.Name)];

    /// <summary>The method called <paramref name="name"/> (case-insensitive); unknown names list the valid ones.</summary>
    public static ButcherTableau ByName(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown method '{name}'; valid: {string.Join(", ", Names)}.", nameof(name));
}
