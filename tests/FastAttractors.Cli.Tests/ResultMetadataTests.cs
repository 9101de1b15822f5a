using System.Text.Json;
using System.Text.RegularExpressions;
using FastAttractors.Cli.Bench;
using FastAttractors.Cli.Commands;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Tests.Bench;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// Every command that writes result files, at tiny sizes: every npz, Parquet and JSON file it writes names the engine
/// version and commit, the backend and precision, the units (time and the quantities), and the members' parameters
/// (per member or shared), in the file itself.
/// </summary>
public class ResultMetadataTests
{
    /// <summary>One command run: its arguments (before --out), the members its npz parameters are per, what it must report.</summary>
    public sealed record Case(string Name, string[] Args, int Members, string Backend, string Precision, string TimeUnit,
        (string Quantity, string Unit)[] Units, (string Name, double[] Values)[] PerMember, string[] Shared)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new("integrate gain sweep", ["integrate", "--model", "tanh-rnn", "--n", "4", "--members", "3", "--g", "1", "--g-end", "2", "--dt", "0.1",
                "--steps", "4", "--record-every", "2", "--backend", "Reference"], 3, "Reference", "float64", "model time units",
            [("times", "model time units")], [("g", [1, 1.5, 2])], ["n", "seed", "dt", "connectivity", "x0_std"]),
        new("integrate lorenz", ["integrate", "--model", "lorenz", "--members", "2", "--dt", "0.01", "--steps", "5", "--sigma", "9",
                "--rho", "20", "--beta", "2", "--precision", "float32", "--backend", "Simd"], 2, "Simd", "float32", "model time units",
            [], [("sigma", [9, 9]), ("rho", [20, 20]), ("beta", [2, 2])], ["seed", "dt"]),
        new("lyapunov rossler", ["lyapunov", "--model", "rossler", "--members", "2", "--dt", "0.05", "--transient", "1", "--duration", "20",
                "--rossler-c", "5", "--backend", "Reference"], 2, "Reference", "float64", "model time units",
            [("exponents", "1/time unit"), ("standard_errors", "1/time unit")], [("rossler_a", [0.2, 0.2]), ("rossler_c", [5, 5])], ["seed", "dt"]),
        new("lyapunov henon map", ["lyapunov", "--model", "henon", "--members", "2", "--transient", "10", "--duration", "200",
                "--backend", "Reference"], 2, "Reference", "float64", "iterations",
            [("exponents", "1/iteration")], [("henon_a", [1.4, 1.4]), ("henon_b", [0.3, 0.3])], ["seed"]),
        new("adjoint", ["adjoint", "--model", "tanh-rnn", "--n", "3", "--members", "2", "--g", "1.2", "--dt", "0.1", "--steps", "6",
                "--norm-every", "2", "--target", "0", "--backend", "Reference"], 2, "Reference", "float64", "model time units",
            [("norm_times", "model time units"), ("grad_W", "loss per unit of W")], [("g", [1.2, 1.2])], ["seed", "steps"]),
        new("stability", ["stability", "--quick", "--systems", "line", "--sigmas", "0,0.1", "--members", "2", "--backend", "Simd"],
            0, "Simd", "float64", "model time units (tau; every system has tau = 1)", [("lambda_1", "1/time unit")], [], ["seed", "threshold"]),
        new("head-direction", ["head-direction", "--quick", "--duration", "200", "--record-every", "10", "--sigma", "0.02", "--backend", "Simd"],
            0, "host (oscillators), Simd (ring)", "float64", "model time units (tau)", [("decoded_heading", "radians")], [], ["seed", "oscillator_alpha"]),
        new("sequence train", ["sequence", "train", "--visible", "16", "--hidden", "24", "--length", "4", "--networks", "2", "--trials", "2",
                "--seed", "3", "--backend", "Reference"], 0, "Reference", "float64 (binary states)", "iterations (one pattern per update)",
            [("success_rate", "fraction of trials")], [], ["seed", "networks"]),
        new("train discrete", ["train", "--task", "copy", "--delay", "4", "--hidden", "8", "--steps", "8", "--batch", "8", "--train-size", "32",
                "--test-size", "8", "--eval-every", "4", "--exponents", "2", "--lyapunov-iterations", "100", "--backend", "Reference"],
            1, "Reference", "float64", "iterations (sequence steps)", [("spectrum_after", "1/iteration")], [("hidden", [8])], ["seed", "lr"]),
        new("train continuous", ["train", "--time", "continuous", "--task", "sine", "--hidden", "4", "--length", "20", "--steps", "4",
                "--eval-every", "2", "--exponents", "1", "--backend", "Reference"],
            1, "Reference", "float64", "model time units", [("spectrum_after", "1/time unit")], [("hidden", [4])], ["seed", "dt"]),
        new("degeneracy", ["degeneracy", "--length", "8", "--widths", "4", "--networks", "2", "--batch", "4", "--train-size", "8", "--test-size", "4",
                "--epochs", "1", "--analysis-trials", "2", "--ood-trials", "2", "--fixed-point-starts", "2", "--dsa-rank", "2", "--dsa-delays", "2",
                "--exponents", "1", "--lyapunov-iterations", "100", "--backend", "Reference"],
            0, "host (SIMD training, float64 analysis), Reference (Lyapunov exponents)", "float32 (training gradients), float64 (analysis)",
            "iterations (sequence steps)", [("ood_loss", "loss (task's loss function)"), ("lyapunov_1", "1/iteration")], [], ["seed", "networks", "lr"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_result_file_names_version_commit_backend_precision_units_and_parameters(Case c)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run([.. c.Args, "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var files = ResultFileMetadata.ResultFiles(dir.Path);
        Assert.NotEmpty(files);
        foreach (var file in files)
            Check(ResultFileMetadata.Read(file), c);
    }

    [Fact]
    public void Scan_shards_merged_file_and_npz_describe_their_rows_and_still_verify()
    {
        using var dir = new TempDirectory();
        string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap);
        string output = Path.Combine(dir.Path, "out");
        foreach (var shard in new[] { "0/2", "1/2" })
        {
            var run = ScanRun.Scan(output, "--spec", spec, "--shard", shard, "--npz", "--backend", "Simd");
            Assert.True(run.ExitCode == 0, run.Stderr);
        }
        var merge = CliHarness.Run("merge", output, "--npz");
        Assert.True(merge.ExitCode == 0, merge.Stderr);
        // Metadata is beside the rows, not in them: the checksums still verify and a resumed shard is still complete.
        Assert.Equal(0, CliHarness.Run("check", output).ExitCode);
        var resumed = ScanRun.Scan(output, "--spec", spec, "--shard", "1/2", "--resume", "--npz", "--backend", "Simd");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("already complete", resumed.Stdout);

        // spec.json is the scan's identity (its hash names the dataset and is checked on every resume), so it stays the bare spec.
        var files = ResultFileMetadata.ResultFiles(output).Where(f => Path.GetFileName(f) != "spec.json").ToArray();
        Assert.Equal(6, files.Length); // 2 shards × (parquet + npz) + merged parquet and npz
        foreach (var file in files)
        {
            var meta = ResultFileMetadata.Read(file);
            CheckCommon(meta, "Simd", "float64", "iterations");
            Assert.Equal("1/iteration", meta.Units.GetProperty("lambda_1").GetString());
            Assert.Equal("radians", meta.Units.GetProperty("theta").GetString());
            Assert.Equal(11, meta.Parameters.GetProperty("scan_seed").GetInt64());
            Assert.Equal("alpha,theta,seed", meta.Settings.GetProperty("per_member_columns").GetString());
            if (file.EndsWith(".npz", StringComparison.Ordinal))
            {
                var arrays = NpyArray.ReadNpz(file);
                Assert.Equal(arrays["alpha"].Doubles(), (double[])meta.NpzParameters["alpha"]);
                Assert.Equal(arrays["seed"].Int64s(), (long[])meta.NpzParameters["seed"]);
            }
            else
            {
                Assert.All(["alpha", "theta", "seed"], column => Assert.Contains(column, meta.Columns));
                Assert.Equal("1/iteration", meta.ParquetKeys["fastattractors.units.lambda_1"]);
            }
        }
    }

    [Fact]
    public void Bench_json_has_a_meta_object()
    {
        using var dir = new TempDirectory();
        var settings = BenchCommand.Settings("small", "W1", "Simd,Reference") with { Cases = [TestCases.TinyW1()] };
        Assert.Equal(0, BenchCommand.Execute(settings, dir.Path, new StringWriter()));
        var meta = ResultFileMetadata.Read(dir.File("bench.json"));
        CheckVersionAndCommit(meta);
        Assert.Equal("Simd,Reference", meta.Text("backend"));
        Assert.Equal("float32", meta.Text("precision"));
        Assert.Equal("W1=float32", meta.Settings.GetProperty("precision_by_workload").GetString());
        Assert.Equal("seconds", meta.Units.GetProperty("medianSeconds").GetString());
    }

    [Fact]
    public void Commit_is_the_sha_the_build_embedded_or_unknown()
    {
        Assert.Matches("^([0-9a-f]{40}|unknown)$", BuildInfo.Commit);
        Assert.Matches(@"^\d+\.\d+\.\d+", BuildInfo.Version);
        Assert.DoesNotContain("+", BuildInfo.Version);
    }

    private static void Check(ResultFileMetadata meta, Case c)
    {
        CheckCommon(meta, c.Backend, c.Precision, c.TimeUnit);
        foreach (var (quantity, unit) in c.Units)
            Assert.Equal(unit, meta.Units.GetProperty(quantity).GetString());
        foreach (var name in c.Shared)
            Assert.True(meta.Parameters.TryGetProperty(name, out _), $"{meta.Path}: no parameter '{name}'");
        foreach (var (name, values) in c.PerMember)
        {
            var json = meta.Parameters.GetProperty(name);
            var fromJson = json.ValueKind == JsonValueKind.Array ? json.EnumerateArray().Select(v => v.GetDouble()).ToArray()
                : Enumerable.Repeat(json.GetDouble(), values.Length).ToArray();
            Assert.Equal(values, fromJson);
            if (meta.Path.EndsWith(".npz", StringComparison.Ordinal))
                Assert.Equal(values, ToDoubles(meta.NpzParameters[name]));
        }
        if (meta.Path.EndsWith(".npz", StringComparison.Ordinal))
        {
            Assert.NotEmpty(meta.NpzParameters);
            Assert.All(meta.NpzParameters, p => Assert.Equal(c.Members, p.Value.Length)); // one value per member
        }
        if (meta.Path.EndsWith(".parquet", StringComparison.Ordinal))
        {
            Assert.Equal(c.Backend, meta.ParquetKeys["fastattractors.backend"]);
            Assert.Equal(c.Precision, meta.ParquetKeys["fastattractors.precision"]);
            Assert.Equal(BuildInfo.Commit, meta.ParquetKeys["fastattractors.commit"]);
            Assert.Equal(c.TimeUnit, meta.ParquetKeys["fastattractors.units.time"]);
            // Where each row is a member, the columns that hold its own parameters are named, and are there.
            if (meta.Settings.TryGetProperty("per_member_columns", out var columns))
                Assert.All(columns.GetString()!.Split(','), column => Assert.Contains(column, meta.Columns));
        }
    }

    private static void CheckCommon(ResultFileMetadata meta, string backend, string precision, string timeUnit)
    {
        CheckVersionAndCommit(meta);
        Assert.Equal(backend, meta.Text("backend"));
        Assert.Equal(precision, meta.Text("precision"));
        Assert.Equal(timeUnit, meta.Units.GetProperty("time").GetString());
    }

    private static void CheckVersionAndCommit(ResultFileMetadata meta)
    {
        Assert.Equal(BuildInfo.Version, meta.Text("version"));
        Assert.Equal(BuildInfo.Commit, meta.Text("commit"));
        Assert.Matches("^([0-9a-f]{40}|unknown)$", meta.Text("commit"));
    }

    private static double[] ToDoubles(Array values) => values switch
    {
        double[] d => d,
        long[] l => [.. l.Select(v => (double)v)],
        _ => throw new InvalidOperationException(values.GetType().Name),
    };
}
