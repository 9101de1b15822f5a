using FastAttractors.Cli.Tests.Support;
using FastAttractors.Degeneracy;
using FastAttractors.Native;
using FastAttractors.Training;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// The C ABI's fa_degeneracy_study_full and the CLI's degeneracy both estimate the exponents with the library's
/// <see cref="NetworkSpectrum"/>: the CLI's networks.parquet and pairs.parquet equal the study run in-process with the
/// C ABI's estimator, bit for bit (exponents of both kinds, dsa_self, the cross-condition pairs).
/// </summary>
public class DegeneracyExponentsTests
{
    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

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
