using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// Sharding: any split of a scan gives the unsharded rows bit for bit, whether the index comes from --shard or a
/// scheduler's environment; check finds missing, foreign and truncated files; merge writes the one table.
/// </summary>
public class ScanShardTests
{
    [Fact]
    public void Union_of_shards_equals_the_unsharded_run_row_for_row()
    {
        using var dir = new TempDirectory();
        string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap);
        Assert.Equal(0, ScanRun.Scan(dir.File("whole"), "--spec", spec).ExitCode);
        for (int i = 0; i < 3; i++)
        {
            var result = ScanRun.Scan(dir.File("flag"), "--spec", spec, "--shard", $"{i}/3");
            Assert.True(result.ExitCode == 0, result.Stderr);
        }
        var whole = ScanRun.ReadAll(dir.File("whole"));
        Assert.Equal(24, whole.Rows);
        Assert.Equal(Enumerable.Range(0, 24).Select(r => (long)r), whole.RowIndex);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(dir.File("flag")));

        // The same split taken from a Slurm array (explicit count), srun, mpirun and a Kubernetes indexed job.
        var sources = new (Dictionary<string, string> Env, int? Shards)[]
        {
            (new() { ["SLURM_ARRAY_TASK_ID"] = "0" }, 4), (new() { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "1" }, 4),
            (new() { ["SLURM_PROCID"] = "2", ["SLURM_NTASKS"] = "4" }, null), (new() { ["OMPI_COMM_WORLD_RANK"] = "3", ["OMPI_COMM_WORLD_SIZE"] = "4" }, null),
        };
        foreach (var (env, shards) in sources)
            Assert.Equal(0, ScanRun.ScanWithEnvironment(dir.File("env"), ScanRun.SmallMap, env, shards));
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(dir.File("env")));
        Assert.Equal(4, Directory.GetFiles(dir.File("env"), "scan-*-of-0004.parquet").Length);

        // A Parquet read-back with Parquet.Net directly: the columns and the provenance in the metadata.
        var file = ParquetTable.Read(Path.Combine(dir.File("flag"), "scan-0001-of-0003.parquet"));
        Assert.Equal(["row", "point", "member", "alpha", "theta", "seed", "lambda_1", "lambda_2", "se_1", "se_2", "lambda_sum", "kaplan_yorke",
            "positive_sum", "sum_rule_residual", "contraction", "failed_step", "status"], file.Names);
        Assert.Equal("1/3", file.Metadata["shard"]);
        Assert.Equal("11", file.Metadata["seed"]);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.File("flag"), "spec.json")), file.Metadata["fastattractors.scan.spec"]);
        Assert.False(string.IsNullOrEmpty(file.Metadata["fastattractors.scan.spec_hash"]));
        Assert.False(string.IsNullOrEmpty(file.Metadata["backend"]));

        // --npz: the same rows as numpy arrays, one per column.
        Assert.Equal(0, ScanRun.Scan(dir.File("npz"), "--spec", spec, "--npz").ExitCode);
        var arrays = NpyArray.ReadNpz(Path.Combine(dir.File("npz"), "scan-0000-of-0001.npz"));
        Assert.Equal([24], arrays["lambda_1"].Shape);
        Assert.Equal([3L, 4, 2], arrays["grid_shape"].Int64s());
        Assert.Equal(((double[])whole["lambda_1"]), arrays["lambda_1"].Doubles());

        var merged = CliHarness.Run("merge", dir.File("flag"));
        Assert.True(merged.ExitCode == 0, merged.Stderr);
        var mergedTable = FastAttractors.Cli.Scan.ScanParquet.Read(Path.Combine(dir.File("flag"), "merged", "scan.parquet")).Table;
        ScanRun.AssertSameRows(whole, mergedTable);
        Assert.True(File.Exists(Path.Combine(dir.File("flag"), "heatmap.png")));
    }

    [Fact]
    public void Check_lists_missing_truncated_and_foreign_files_and_merge_refuses_them()
    {
        using var dir = new TempDirectory();
        string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap), outDir = dir.File("out");
        Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--shard", "0/3").ExitCode);
        Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--shard", "2/3").ExitCode);
        var check = CliHarness.Run("check", outDir);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("shard 1/3: missing", check.Stdout);
        Assert.DoesNotContain("shard 0/3", check.Stdout);

        Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--shard", "1/3").ExitCode);
        check = CliHarness.Run("check", outDir);
        Assert.True(check.ExitCode == 0, check.Stdout);
        Assert.Contains("complete: 3 shards, 24 rows", check.Stdout);

        // Truncate one shard (a copy cut short, as a failed transfer leaves it) and drop in a file of another program.
        string shard = Path.Combine(outDir, "scan-0002-of-0003.parquet");
        var bytes = File.ReadAllBytes(shard);
        File.WriteAllBytes(shard, bytes[..(bytes.Length / 2)]);
        File.Copy(Path.Combine(dir.File("out"), "scan-0000-of-0003.parquet"), Path.Combine(outDir, "other.parquet"));
        check = CliHarness.Run("check", outDir);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("scan-0002-of-0003.parquet: not a readable Parquet file (truncated or corrupt?)", check.Stdout);
        Assert.Contains("other.parquet: not a shard file of this scan", check.Stdout);
        Assert.Contains("shard 2/3: missing", check.Stdout);
        var merge = CliHarness.Run("merge", outDir);
        Assert.Equal(1, merge.ExitCode);
        Assert.StartsWith("error: DIR:", merge.Stderr);

        // A Parquet file without scan metadata under a shard's name is reported as foreign.
        File.Delete(Path.Combine(outDir, "other.parquet"));
        using var foreign = new TempDirectory();
        Assert.Equal(0, CliHarness.Run("sequence", "train", "--visible", "8", "--hidden", "8", "--length", "3", "--networks", "1", "--backend", "Reference", "--out", foreign.Path).ExitCode);
        File.Copy(Path.Combine(foreign.Path, "train.parquet"), shard, overwrite: true);
        check = CliHarness.Run("check", outDir);
        Assert.Contains("without FastAttractors scan metadata", check.Stdout);
    }

    [Fact]
    public void Shard_and_resume_mistakes_exit_2_naming_the_flag()
    {
        using var dir = new TempDirectory();
        string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap), outDir = dir.File("out");
        Assert.StartsWith("error: --shard:", ScanRun.Scan(outDir, "--spec", spec, "--shard", "3/3").Stderr);
        Assert.StartsWith("error: --shards:", ScanRun.Scan(outDir, "--spec", spec, "--shards", "4").Stderr);
        Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec).ExitCode);
        var again = ScanRun.Scan(outDir, "--spec", spec); // the same scan again: nothing to do
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already complete", again.Stdout);
        Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--resume").ExitCode);
        var other = ScanRun.Scan(outDir, "--spec", spec, "--seed", "12", "--resume");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("holds another scan", other.Stderr);
    }

    [Fact]
    public void Slurm_template_runs_one_shard_per_array_task_and_resumes()
    {
        var result = CliHarness.Run("slurm-template", "--spec", "my scan.json", "--out", "res/scan", "--shards", "16", "--cpus-per-task", "4");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("#!/bin/bash\n", result.Stdout);
        Assert.Contains("#SBATCH --array=0-15\n", result.Stdout);
        Assert.Contains("#SBATCH --cpus-per-task=4\n", result.Stdout);
        Assert.Contains("fastattractors scan --spec 'my scan.json' --out res/scan --shards 16 --resume\n", result.Stdout);
        Assert.StartsWith("error: --shards:", CliHarness.Run("slurm-template", "--shards", "0").Stderr);
    }
}
