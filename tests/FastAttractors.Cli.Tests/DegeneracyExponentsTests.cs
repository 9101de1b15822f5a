using FastAttractors.Cli.Tests.Support;
using FastAttractors.Cli.Training;
using FastAttractors.Degeneracy;
using FastAttractors.Native;
using FastAttractors.Training;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// The C ABI's fa_degeneracy_study_full computes a network's autonomous Lyapunov exponents with its own copy of the
/// CLI's estimator (src/Native/DegeneracyExponents.cs: the C ABI cannot reference the CLI): the two must give the same
/// numbers, on any network and in the CLI's networks.parquet, so that the C ABI's study equals the CLI's.
/// </summary>
public class DegeneracyExponentsTests
{
    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    [Fact]
    public void The_C_ABI_estimator_equals_the_CLIs_bit_for_bit_on_random_networks()
    {
        using var engine = Engine.Create(Backend.Simd);
        var spec = DegeneracySpecJson.Parse("""{"widths": [5], "exponents": 3, "lyapunovIterations": 200, "seed": 4}""");
        var native = DegeneracyExponents.For(engine, spec)!;
        var random = new Random(11);
        for (int trial = 0; trial < 4; trial++)
        {
            var shape = new RnnShape(5, spec.Task.Train.Inputs, spec.Task.Train.Outputs);
            // Gains from contracting (0.5) to chaotic (2.5), so both signs of the leading exponent are compared.
            double gain = 0.5 + trial * 0.7;
            var values = Enumerable.Range(0, shape.Count).Select(_ => gain / Math.Sqrt(5) * (2 * random.NextDouble() - 1) * Math.Sqrt(3)).ToArray();
            var parameters = new RnnParameters(shape, values);
            var cli = TrainSpectrum.Compute(engine, parameters, 3, 200, 4);
            Assert.Equal(3, cli.Length);
            Assert.Equal(Bits(cli), Bits(native(parameters, 3)));
        }
    }

    [Fact]
    public void The_CLI_tables_exponents_equal_the_study_with_the_C_ABI_estimator()
    {
        const string json = """
            { "task": "flipflop", "length": 10, "widths": [4, 6], "networks": 2, "seed": 7, "batch": 8, "trainSize": 16, "testSize": 8,
              "epochs": 2, "analysisTrials": 2, "oodTrials": 4, "fixedPointStarts": 4, "threads": 2, "pairs": "all", "exponents": 2,
              "drivenExponents": 2, "lyapunovIterations": 100 }
            """;
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), json);
        var run = CliHarness.Run("degeneracy", "--spec", dir.File("spec.json"), "--no-checkpoints", "--backend", "Simd", "--out", dir.File("out"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        var spec = DegeneracySpecJson.Parse(json);
        using var engine = Engine.Create(Backend.Simd);
        var expected = DegeneracyStudy.Run(spec, DegeneracyExponents.For(engine, spec));
        var networks = ParquetTable.Read(Path.Combine(dir.File("out"), "networks.parquet"));
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(Bits(expected.Networks.Select(r => r.Exponents[k])), Bits(networks.Column<double>($"lyapunov_{k + 1}")));
            Assert.Equal(Bits(expected.Networks.Select(r => r.DrivenExponents[k])), Bits(networks.Column<double>($"lyapunov_driven_{k + 1}")));
        }
        Assert.Equal(Bits(expected.Networks.Select(r => r.DsaSelf)), Bits(networks.Column<double>("dsa_self")));
        var pairs = ParquetTable.Read(Path.Combine(dir.File("out"), "pairs.parquet"));
        Assert.Equal(expected.Pairs.Count, pairs.Column<int>("first").Length);
        Assert.Equal(Bits(expected.Pairs.Select(p => p.Dsa)), Bits(pairs.Column<double>("dsa")));
    }
}
