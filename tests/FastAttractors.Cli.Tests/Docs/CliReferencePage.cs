using System.CommandLine;
using System.Text;

namespace FastAttractors.Cli.Tests.Docs;

/// <summary>
/// Writes docs/reference/cli.md: the <c>--help</c> text of the root command and of every command and subcommand,
/// found by following the "Commands:" section of each help text, so a new command or option appears without editing
/// a list.
/// </summary>
public static class CliReferencePage
{
    /// <summary>The page's path relative to the repository root.</summary>
    public const string RelativePath = "docs/reference/cli.md";

    /// <summary>The command that rewrites the checked-in page from the current CLI.</summary>
    public const string RegenerateCommand =
        "FASTATTRACTORS_UPDATE_DOCS=1 dotnet test tests/FastAttractors.Cli.Tests -c Release --filter FullyQualifiedName~CliReferencePageTests";

    /// <summary>The page text, with "\n" line ends.</summary>
    public static string Generate()
    {
        var page = new StringBuilder();
        page.Append("# Command-line reference\n\n");
        page.Append("<!-- Generated from the --help text of every command by tests/FastAttractors.Cli.Tests/Docs; do not edit by hand. -->\n");
        page.Append("<!-- To regenerate: ").Append(RegenerateCommand).Append(" -->\n\n");
        page.Append("Every command of the `fastattractors` tool with its options, exactly as `--help` prints them. From the ");
        page.Append("repository root run a command as `dotnet run -c Release --project src/Cli -- <command> [options]`; ");
        page.Append("installed as a dotnet tool (see [Install the packages](../how-to/install-packages.md)) it is ");
        page.Append("`fastattractors <command> [options]`. Exit codes: 0 ok, 1 runtime failure, 2 bad option, value or spec ");
        page.Append("file. Spec files are described in [Spec files](spec-files.md).\n");
        foreach (var path in Commands([]))
        {
            page.Append('\n').Append(path.Length == 0 ? "## fastattractors" : "## " + string.Join(' ', path)).Append("\n\n");
            page.Append("```text\n").Append(Help(path).TrimEnd()).Append("\n```\n");
        }
        return page.ToString();
    }

    /// <summary>The command <paramref name="path"/> and every command below it, depth first, in help order.</summary>
    private static IEnumerable<string[]> Commands(string[] path)
    {
        yield return path;
        foreach (var name in Subcommands(Help(path)))
            foreach (var below in Commands([.. path, name]))
                yield return below;
    }

    /// <summary>The help text of one command, with "\n" line ends.</summary>
    private static string Help(string[] path)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run([.. path, "--help"], stdout, stderr);
        if (code != 0 || stderr.ToString().Length > 0)
            throw new InvalidOperationException($"'{string.Join(' ', path)} --help' exited {code}: {stderr}");
        // The usage lines name the running executable (testhost under dotnet test); the tool is fastattractors.
        return stdout.ToString().ReplaceLineEndings("\n")
            .Replace($"\n  {RootCommand.ExecutableName} ", "\n  fastattractors ", StringComparison.Ordinal);
    }

    /// <summary>The command names listed under "Commands:" (two-space indent, name first).</summary>
    private static IEnumerable<string> Subcommands(string help)
    {
        bool inCommands = false;
        foreach (var line in help.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inCommands = line.TrimEnd() == "Commands:";
                continue;
            }
            if (inCommands && line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 2 && !char.IsWhiteSpace(line[2]))
                yield return line.Trim().Split(' ')[0];
        }
    }
}
