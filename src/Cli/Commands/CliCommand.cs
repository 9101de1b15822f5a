using System.CommandLine;

namespace FastAttractors.Cli.Commands;

/// <summary>A subcommand with its options and its action (which returns the exit code), as every command is built.</summary>
internal static class CliCommand
{
    public static Command Create(string name, string description, IEnumerable<Option> options, Func<ParseResult, int> action)
    {
        var command = new Command(name, description);
        foreach (var option in options)
            command.Options.Add(option);
        command.SetAction(action);
        return command;
    }
}
