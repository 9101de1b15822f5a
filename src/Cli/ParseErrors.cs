using System.Text.RegularExpressions;

namespace FastAttractors.Cli;

/// <summary>Makes System.CommandLine's parse errors read as the rest of the CLI's errors.</summary>
internal static partial class ParseErrors
{
    /// <summary>"… as expected type 'System.Nullable`1[System.Int32]'" becomes "… as expected type 'a 32-bit integer'".</summary>
    public static string Describe(string message) =>
        TypeName().Replace(message, m => $"expected type '{Friendly(m.Groups[1].Value)}'");

    private static string Friendly(string type) => type.Replace("System.Nullable`1[", "").TrimEnd(']') switch
    {
        "System.Int32" => "a 32-bit integer",
        "System.Int64" => "a 64-bit integer",
        "System.Double" => "a number",
        var other => other,
    };

    [GeneratedRegex(@"expected type '([^']*)'")]
    private static partial Regex TypeName();
}
