using System.CommandLine;
using FastAttractors.Cli.Commands;
using FastAttractors.Cli.Tests.Support;
using FastAttractors.Degeneracy;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// The CLI's <c>degeneracy</c> reads its --spec through the library's DegeneracySpecJson (behind fa_degeneracy_study
/// and the Python package's fa.degeneracy): every key has its flag, a flag replaces the file's key as if written there,
/// and the CLI's networks.parquet and pairs.parquet equal DegeneracyStudy.Run on the library's parse bit for bit.
/// </summary>
public class DegeneracySpecJsonTests
{
    private const string Full = """
        { "task": "sine", "length": 12, "difficulty": 0.4, "widths": [5, 7], "regularisers": ["none", "l1:1e-3", "nuclear:0.01"],
          "networks": 3, "seed": 11, "lr": 0.005, "init": "orthogonal", "batch": 4, "trainSize": 20, "testSize": 6, "epochs": 3,
          "maxSteps": 9, "evalEvery": 2, "clip": 0.5, "threshold": 0.01, "patience": 2, "analysisTrials": 3, "oodTrials": 5,
          "fixedPointStarts": 6, "dsaRank": 4, "dsaDelays": 2, "dsaStarts": 0, "pairs": "all", "exponents": 2, "drivenExponents": 3, "lyapunovIterations": 50,
          "threads": 2 }
        """;

    [Fact]
    public void Every_spec_key_is_a_flag_of_the_same_name()
    {
        var flags = new DegeneracyFlags().All.Select(o => o.Name).ToHashSet();
        foreach (string key in DegeneracySpecJson.Keys)
            Assert.Contains("--" + string.Concat(key.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString())), flags);
    }

    [Fact]
    public void Flags_replace_the_spec_files_keys_as_if_written_there()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), Full);
        var flags = new DegeneracyFlags();
        var command = new Command("degeneracy");
        foreach (var option in flags.All)
            command.Options.Add(option);
        var parse = command.Parse(["--spec", dir.File("spec.json"), "--networks", "2", "--widths", "3,9", "--regularisers", "none,l2:0.5", "--pairs", "within", "--train-size", "12"]);
        var cli = flags.Resolve(parse);
        var library = DegeneracySpecJson.Parse(Full
            .Replace("\"networks\": 3", "\"networks\": 2").Replace("[5, 7]", "[3, 9]").Replace("""["none", "l1:1e-3", "nuclear:0.01"]""", """["none", "l2:0.5"]""")
            .Replace("\"all\"", "\"within\"").Replace("\"trainSize\": 20", "\"trainSize\": 12"));
        Assert.Equal((2, 12), (cli.Networks, cli.Training.TrainSize));
        Assert.Equal(cli.Task.Name, library.Task.Name);
        Assert.Equal(cli.Task.Train.Steps, library.Task.Train.Steps);
        Assert.Equal(cli.Widths, library.Widths);
        Assert.Equal(cli.Regularisers, library.Regularisers);
        Assert.Equal((cli.Networks, cli.Seed, cli.LearningRate, cli.Init), (library.Networks, library.Seed, library.LearningRate, library.Init));
        Assert.Equal(cli.Training, library.Training);
        Assert.Equal(cli.Dsa, library.Dsa);
        Assert.Equal((cli.Pairs, cli.Exponents, cli.DrivenExponents, cli.LyapunovIterations), (library.Pairs, library.Exponents, library.DrivenExponents, library.LyapunovIterations));
    }

    [Fact]
    public void The_cli_tables_equal_the_study_of_the_library_parse_bit_for_bit()
    {
        const string json = """
            { "task": "flipflop", "length": 10, "widths": [4, 6], "regularisers": ["none", "l2:0.001"], "networks": 3, "seed": 7,
              "batch": 8, "trainSize": 32, "testSize": 8, "epochs": 3, "analysisTrials": 2, "oodTrials": 4, "fixedPointStarts": 4, "threads": 2 }
            """;
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), json);
        var run = CliHarness.Run("degeneracy", "--spec", dir.File("spec.json"), "--no-checkpoints", "--out", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        var expected = DegeneracyStudy.Run(DegeneracySpecJson.Parse(json));
        var networks = ParquetTable.Read(Path.Combine(dir.File("out"), "networks.parquet"));
        Assert.Equal(expected.Networks.Select(r => r.Seed), networks.Column<long>("seed"));
        Assert.Equal(expected.Networks.Select(r => r.Steps), networks.Column<long>("steps"));
        Assert.Equal(expected.Networks.Select(r => r.FixedPoints), networks.Column<int>("fixed_points"));
        Assert.Equal(expected.Networks.Select(r => r.StableFixedPoints), networks.Column<int>("stable_fixed_points"));
        Assert.Equal(Bits(expected.Networks.Select(r => r.FinalTestLoss)), Bits(networks.Column<double>("final_test_loss")));
        Assert.Equal(Bits(expected.Networks.Select(r => r.OodLoss)), Bits(networks.Column<double>("ood_loss")));
        var pairs = ParquetTable.Read(Path.Combine(dir.File("out"), "pairs.parquet"));
        Assert.Equal(expected.Pairs.Select(p => p.First), pairs.Column<int>("first"));
        Assert.Equal(expected.Pairs.Select(p => p.Second), pairs.Column<int>("second"));
        Assert.Equal(Bits(expected.Pairs.Select(p => p.Behaviour)), Bits(pairs.Column<double>("behaviour")));
        Assert.Equal(Bits(expected.Pairs.Select(p => p.Dsa)), Bits(pairs.Column<double>("dsa")));
        Assert.Equal(Bits(expected.Pairs.Select(p => p.WeightFrobenius)), Bits(pairs.Column<double>("weight_frobenius")));
        Assert.Equal(Bits(expected.Pairs.Select(p => p.Cka)), Bits(pairs.Column<double>("cka")));
    }

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
