using System.Text.RegularExpressions;

namespace FastAttractors.Cli;

/// <summary>Makes System.CommandLine's parse errors read as the rest of the CLI's errors.</summary>
internal static partial class ParseErrors
{
    /// <summary>
    /// "… as expected type 'System.Nullable`1[System.Int32]'" becomes "… as expected type 'a 32-bit integer'". Quoted
    /// input longer than an excerpt ("Cannot parse argument '99…9' for option '--chunk'") is cut, so that the option's
    /// name after it stays on screen.
    /// </summary>
    public static string Describe(string message) =>
        LongQuote().Replace(TypeName().Replace(message, m => $"expected type '{Friendly(m.Groups[1].Value)}'"),
            m => $"'{Input.Excerpt.Of(m.Groups[1].Value)}'");

    private static string Friendly(string type) => type.Replace("System.Nullable`1[", "").TrimEnd(']') switch
    {
        "System.Int32" => "a 32-bit integer",
        "System.Int64" => "a 64-bit integer",
        "System.Double" => "a number",
        var other => other,
    };

    [GeneratedRegex(@"'([^']{61,})'")]
    private static partial Regex LongQuote();

    [GeneratedRegex(@"expected type '([^']*)'")]
    private static partial Regex TypeName();
}
