using System.Text.RegularExpressions;
using Xunit;

namespace FastAttractors.Cli.Tests.Docs;

/// <summary>
/// README.md is the front page: short, its relative links resolve, and its Python example is the file the Python tests
/// run. (Its C# example is compiled and run by ReadmeExampleTests in the core tests.)
/// </summary>
public partial class ReadmeTests
{
    private static readonly string Root = Repository.Root;
    private static readonly string Readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Readme_is_at_most_150_lines()
    {
        int lines = Readme.TrimEnd('\n').Split('\n').Length;
        Assert.True(lines <= 150, $"README.md has {lines} lines; keep it a front page (at most 150) and move details into docs/.");
    }

    [Fact]
    public void Readme_relative_links_resolve()
    {
        var broken = Link().Matches(Readme)
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#'))
            .Select(t => t.Split('#')[0])
            .Where(t => !File.Exists(Path.Combine(Root, t)) && !Directory.Exists(Path.Combine(Root, t)))
            .ToList();
        Assert.True(broken.Count == 0, "README.md links to missing files: " + string.Join(", ", broken));
    }

    [Fact]
    public void Readme_python_example_is_the_tested_file()
    {
        var block = PythonBlock().Match(Readme);
        Assert.True(block.Success, "README.md has no ```python block");
        string file = File.ReadAllText(Path.Combine(Root, "python/examples/first_spectrum.py")).ReplaceLineEndings("\n");
        Assert.Equal(file.TrimEnd('\n'), block.Groups["code"].Value.TrimEnd('\n'));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex("```python\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}
