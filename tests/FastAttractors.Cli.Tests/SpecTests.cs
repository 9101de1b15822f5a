using FastAttractors.Cli.Specs;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>The JSON spec reader is strict: unknown fields, wrong types, missing fields and malformed JSON are named.</summary>
public class SpecTests
{
    private static CliHarness.Result RunSpec(string json)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), json);
        var result = CliHarness.Run("integrate", "--spec", dir.File("spec.json"), "--out", dir.File("out"));
        // The random directory name could contain the text a test looks for; take it out of the message.
        return result with { Stderr = result.Stderr.Replace(dir.Path, "<dir>") };
    }

    private const string Valid = """{ "model": "henon", "members": 4, "steps": 10, "backend": "Reference" """;

    [Theory]
    [InlineData(Valid + """, "gain": 2 }""", "unknown field 'gain'", "2")]
    [InlineData(Valid + """, "n": "32" }""", "field 'n'", "\"32\"")]
    [InlineData(Valid + """, "n": 2.5 }""", "field 'n'", "2.5")]
    [InlineData(Valid + """, "dt": true }""", "field 'dt'", "true")]
    [InlineData("""{ "model": 3, "members": 4, "steps": 10 }""", "field 'model'", "got 3")]
    [InlineData(Valid + """, "seed": 1e3 }""", "field 'seed'", "1e3")]
    [InlineData(Valid + """, "chunk_members": 3000000000 }""", "field 'chunk_members'", "3000000000")]
    [InlineData("""{ "model": "henon", "steps": 10 }""", "members", "required")]
    [InlineData("""{ "model": "henon", "members": 4, "steps": 10, """, "malformed JSON", "line")]
    [InlineData("""[1, 2]""", "JSON object", "[1, 2]")]
    [InlineData(Valid + """, "members": 5 }""", "'members'", "twice")]
    [InlineData("""{ "model": "tanh-rnn", "n": 0, "members": 4, "steps": 1, "dt": 0.1 }""", "n (--n)", "0")]
    public void Bad_specs_are_usage_errors_naming_field_and_value(string json, string names, string shows)
    {
        var result = RunSpec(json);
        Assert.True(result.ExitCode == ExitCodes.Usage, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Contains(names, result.Stderr);
        Assert.Contains(shows, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Missing_spec_file_is_a_usage_error()
    {
        var result = CliHarness.Run("integrate", "--spec", "/nonexistent/spec.json");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--spec", result.Stderr);
    }

    [Fact]
    public void Embedded_default_is_the_gain_sweep_and_round_trips_through_the_writer()
    {
        var spec = SpecResolver.Resolve(SpecReader.ReadDefault());
        Assert.Equal("tanh-rnn", spec.Model);
        Assert.Equal(512, spec.Members);
        Assert.Equal(0.5, spec.G);
        Assert.Equal(3.0, spec.GEnd);
        Assert.Equal(spec, SpecReader.Parse(SpecWriter.ToJson(spec), "round trip"));
    }

    [Fact]
    public void Gain_sweep_member_m_has_the_weights_of_the_constructor_with_g_m()
    {
        var spec = SpecResolver.Resolve(new IntegrateSpec
        {
            Model = "tanh-rnn", N = 6, Members = 5, G = 0.5, GEnd = 2.5, Connectivity = 0.5, Dt = 0.1, Steps = 1, Seed = 3,
        });
        var run = RunFactory.Create(spec);
        var w = ((TanhRnn)run.Problem.Model).W;
        for (int m = 0; m < 5; m++)
        {
            double g = 0.5 + 0.5 * m;
            Assert.Equal(g, run.GainOf(m)!.Value, 12);
            var single = Weights.SparseGaussian(6, g, 0.5, 5, 3);
            for (int p = 0; p < 36; p++)
                Assert.Equal(single.Get(p, m), w.Get(p, m), 1e-14);
        }
    }

    [Fact]
    public void Flags_given_with_a_spec_file_override_its_fields()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), Valid + "}");
        var result = CliHarness.Run("integrate", "--spec", dir.File("spec.json"), "--members", "3", "--out", dir.File("out"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal([3, 2], NpyArray.ReadNpz(dir.File("out/integrate.npz"))["final_states"].Shape);
        Assert.Contains("\"members\": 3", File.ReadAllText(dir.File("out/spec.json")));
    }
}
