using Xunit;

namespace FastAttractors.Cli.Tests.Docs;

/// <summary>
/// docs/reference/cli.md must equal the current CLI's help texts. With FASTATTRACTORS_UPDATE_DOCS=1 the test rewrites
/// the page instead of failing.
/// </summary>
public class CliReferencePageTests
{
    [Fact]
    public void Checked_in_cli_reference_matches_the_help_text()
    {
        string expected = CliReferencePage.Generate();
        string path = Path.Combine(Repository.Root, CliReferencePage.RelativePath);
        if (Environment.GetEnvironmentVariable("FASTATTRACTORS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }
        Assert.True(File.Exists(path), $"{CliReferencePage.RelativePath} is missing: run {CliReferencePage.RegenerateCommand}");
        string actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(actual == expected,
            $"{CliReferencePage.RelativePath} differs from the CLI's --help texts (a command or option changed): run " +
            $"{CliReferencePage.RegenerateCommand} and commit the page. First difference at line {FirstDifference(actual, expected)}.");
    }

    [Fact]
    public void Page_lists_every_top_level_and_nested_command()
    {
        string page = CliReferencePage.Generate();
        foreach (var heading in new[] { "## devices", "## integrate", "## scan", "## sequence capacity", "## train" })
            Assert.Contains("\n" + heading + "\n", page);
    }

    private static int FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        int i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i]) i++;
        return i + 1;
    }
}
