using FastAttractors.Cli.Input;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>A mistyped command or option exits 2 naming it and, when one is close, the name that was probably meant.</summary>
public class UnknownInputTests
{
    [Fact]
    public void Unknown_command_suggests_the_closest_and_lists_the_commands()
    {
        var result = CliHarness.Run("scna");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error: unknown command 'scna'; did you mean 'scan'?", lines[0]);
        Assert.StartsWith("commands: ", lines[1]);
        Assert.All(["integrate", "lyapunov", "scan", "merge", "train"], name => Assert.Contains(name, lines[1]));
    }

    [Fact]
    public void Unknown_command_far_from_every_name_is_named_without_a_guess()
    {
        var result = CliHarness.Run("xyzzy");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: unknown command 'xyzzy'\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Unknown_subcommand_suggests_among_its_parent_s_subcommands()
    {
        var result = CliHarness.Run("sequence", "trian");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: unknown command 'trian' of 'sequence'; did you mean 'train'?", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "scan", "--membrs", "4" }, "error: unknown option '--membrs'; did you mean '--members'?")]
    [InlineData(new[] { "scan", "--membrs=4" }, "error: unknown option '--membrs'; did you mean '--members'?")]
    [InlineData(new[] { "integrate", "--rhp", "3" }, "error: unknown option '--rhp'; did you mean '--rho'?")]
    [InlineData(new[] { "lyapunov", "--trasnient", "3" }, "error: unknown option '--trasnient'; did you mean '--transient'?")]
    [InlineData(new[] { "integrate", "--zzzzzzzz" }, "error: unknown option '--zzzzzzzz' for 'integrate'; see --help")]
    public void Unknown_option_exits_2_naming_it_and_the_closest_option(string[] args, string expected)
    {
        var result = CliHarness.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr);
    }

    [Theory]
    [InlineData("scan", "scan", 0)]
    [InlineData("scna", "scan", 1)]   // one swap of neighbours
    [InlineData("scn", "scan", 1)]
    [InlineData("membrs", "members", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, TypoSuggestion.Distance(a, b));
        Assert.Equal(expected, TypoSuggestion.Distance(b, a));
    }

    [Fact]
    public void Suggestion_stays_within_a_third_of_the_typed_length()
    {
        Assert.Equal("scan", TypoSuggestion.Closest("scna", ["check", "scan", "merge"]));
        Assert.Null(TypoSuggestion.Closest("abcd", ["scan"]));
        Assert.Equal("--members", TypoSuggestion.Closest("--mebmers", ["--members", "--model"]));
    }
}
