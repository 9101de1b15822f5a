using FastAttractors.Cli.Degeneracy;
using FastAttractors.Cli.Tests.Support;
using FastAttractors.Degeneracy;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// The library's DegeneracySpecJson (behind fa_degeneracy_study and the Python package's fa.degeneracy) reads the
/// CLI's <c>degeneracy --spec</c> files as the CLI does: the same resolved spec for every key and for absent keys, and
/// the CLI's networks.parquet and pairs.parquet equal DegeneracyStudy.Run on the library's parse bit for bit.
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

    public static TheoryData<string> Specs() => new() { Full, "{}", """{ "TASK": "discrimination", "Widths": [3], "init": "pta" }""" };

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_library_resolves_a_spec_file_as_the_cli_does(string json)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), json);
        var cli = DegeneracySpecFile.Read(dir.File("spec.json")).Resolve(null);
        var library = DegeneracySpecJson.Parse(json);
        Assert.Equal(cli.Task.Name, library.Task.Name);
        Assert.Equal(cli.Task.Difficulty, library.Task.Difficulty);
        Assert.Equal(cli.Task.Train.Steps, library.Task.Train.Steps);
        Assert.Equal(cli.Task.Train.GetType(), library.Task.Train.GetType());
        Assert.Equal(cli.Task.OutOfDistribution.Steps, library.Task.OutOfDistribution.Steps);
        Assert.Equal(cli.Widths, library.Widths);
        Assert.Equal(cli.Regularisers, library.Regularisers);
        Assert.Equal((cli.Networks, cli.Seed, cli.LearningRate, cli.Init), (library.Networks, library.Seed, library.LearningRate, library.Init));
        Assert.Equal(cli.Training, library.Training);
        Assert.Equal((cli.AnalysisTrials, cli.OutOfDistributionTrials, cli.FixedPointStarts), (library.AnalysisTrials, library.OutOfDistributionTrials, library.FixedPointStarts));
        Assert.Equal(cli.FixedPoints, library.FixedPoints);
        Assert.Equal(cli.Dsa, library.Dsa);
        Assert.Equal((cli.ExactWeightDistanceUpTo, cli.Exponents), (library.ExactWeightDistanceUpTo, library.Exponents));
        Assert.Equal((cli.Pairs, cli.DrivenExponents, cli.LyapunovIterations), (library.Pairs, library.DrivenExponents, library.LyapunovIterations));
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
