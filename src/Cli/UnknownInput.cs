using System.CommandLine;
using FastAttractors.Cli.Input;

namespace FastAttractors.Cli;

/// <summary>
/// Names a mistyped command or option and suggests the closest known one. System.CommandLine's first error for a
/// mistyped command is "Required command was not provided", and its own suggestions
/// (<c>ParseErrorAction.ShowTypoCorrections</c>) are a multi-line block printed with the help by its parse-error
/// action, which this CLI does not run (it prints one error line and exits 2). So the CLI finds the first unmatched
/// token itself and words the error as its other usage errors.
/// </summary>
internal static class UnknownInput
{
    /// <summary>The error lines for the first unknown command or option of <paramref name="parse"/>, or null when there is none.</summary>
    public static IReadOnlyList<string>? Describe(ParseResult parse, RootCommand root)
    {
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens)
        {
            if (IsOptionLike(token))
                return [UnknownOption(token, command, root)];
            if (command.Subcommands.Count > 0)
                return UnknownCommand(token, command, root);
        }
        return null;
    }

    private static IReadOnlyList<string> UnknownCommand(string token, Command command, RootCommand root)
    {
        var names = command.Subcommands.Select(c => c.Name).ToArray();
        string suggestion = TypoSuggestion.Closest(token, names) is { } near ? $"; did you mean '{near}'?" : "";
        string where = command == root ? "" : $" of '{command.Name}'";
        return [$"unknown command '{Excerpt.Of(token)}'{where}{suggestion}", $"commands: {string.Join(", ", names)}"];
    }

    private static string UnknownOption(string token, Command command, RootCommand root)
    {
        string name = token.Split('=', 2)[0]; // --name=value spells the option and its value in one token
        var options = command.Options.Concat(root.Options.Where(o => o.Recursive))
            .SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct();
        return TypoSuggestion.Closest(name, options) is { } near
            ? $"unknown option '{Excerpt.Of(name)}'; did you mean '{near}'?"
            : $"unknown option '{Excerpt.Of(name)}' for '{command.Name}'; see --help";
    }

    // "-1.5" is a negative number left over, not an option.
    private static bool IsOptionLike(string token) => token.StartsWith("--", StringComparison.Ordinal)
        || (token.Length > 1 && token[0] == '-' && char.IsLetter(token[1]));
}
