using System.Globalization;

namespace FastAttractors.Cli.Input;

/// <summary>
/// Short quotations of user text for error messages: a message quotes what was wrong, but a 50 MB string or file name
/// echoed whole would bury the message (and a terminal) under the input.
/// </summary>
internal static class Excerpt
{
    /// <summary>Characters quoted from one value before it is cut.</summary>
    public const int ValueLength = 60;

    /// <summary>Characters of a whole error message before it is cut (several quoted values and the explanation).</summary>
    public const int MessageLength = 1_000;

    /// <summary><paramref name="text"/> itself when short, else its start, an ellipsis and its full length.</summary>
    public static string Of(string text, int max = ValueLength) =>
        text.Length <= max ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..(max - 1)]}… ({text.Length:N0} characters)");
}
