using FastAttractors.Cli.Scan;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// Regressions of scan files that could not prove their content: a chunk or shard holding another's rows, temporary
/// files left by killed writes, corrupt files that made --resume fail for good without naming them, and file names
/// whose digits overflow an int. Each runs the small map scan (24 rows in 8 chunks of 3).
/// </summary>
public class ScanIntegrityTests
{
    [Fact]
    public void A_chunk_copied_over_another_is_recomputed_on_resume()
    {
        using var dir = new TempDirectory();
        var (spec, whole) = Whole(dir);
        string outDir = dir.File("out"), parts = ScanDirectory.PartsFolder(outDir, 0, 1);
        Assert.True(ScanRun.RunAndKill(outDir, ScanRun.SmallMap, 0, 1, chunks: 3));
        File.Copy(ScanDirectory.ChunkFile(parts, 1), ScanDirectory.ChunkFile(parts, 2), overwrite: true);

        var resumed = ScanRun.Scan(outDir, "--spec", spec, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"resume: '{ScanDirectory.ChunkFile(parts, 2)}': records rows 3…5, but its name stands for rows 6…8 (a copy of another file?): deleted, recomputing it", resumed.Stderr);
        Assert.Contains("2 chunks (6 rows) already done", resumed.Stdout);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));
        Assert.Contains("complete: 1 shards, 24 rows", CliHarness.Run("check", outDir).Stdout);
    }

    [Fact]
    public void A_shard_copied_over_another_fails_check_and_resume_names_it()
    {
        using var dir = new TempDirectory();
        var (spec, whole) = Whole(dir);
        string outDir = dir.File("out");
        for (int i = 0; i < 3; i++)
            Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--shard", $"{i}/3").ExitCode);
        string copy = ScanDirectory.ShardFile(outDir, 1, 3);
        File.Copy(ScanDirectory.ShardFile(outDir, 0, 3), copy, overwrite: true);

        var check = CliHarness.Run("check", outDir);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("scan-0001-of-0003.parquet: records rows 0…5, but its name stands for rows 6…14 (a copy of another file?): "
            + "delete it and rerun shard 1/3 with --resume", check.Stdout);
        Assert.Contains("shard 1/3: missing", check.Stdout);
        Assert.StartsWith("error: DIR:", CliHarness.Run("merge", outDir).Stderr);

        var resumed = ScanRun.Scan(outDir, "--spec", spec, "--shard", "1/3", "--resume");
        Assert.Equal(1, resumed.ExitCode);
        Assert.Contains($"error: '{copy}' records rows 0…5, but its name stands for rows 6…14 (a copy of another file?): delete that file and rerun with --resume to recompute shard 1/3.", resumed.Stderr);
        Assert.Equal(1, ScanRun.Scan(outDir, "--spec", spec, "--shard", "1/3").ExitCode); // without --resume as well: never "already complete"
        File.Delete(copy);
        Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--shard", "1/3", "--resume").ExitCode);
        Assert.Equal(0, CliHarness.Run("check", outDir).ExitCode);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));
    }

    [Fact]
    public void Temporary_files_of_killed_writes_are_listed_by_check_and_removed_by_their_owner()
    {
        using var dir = new TempDirectory();
        var (spec, whole) = Whole(dir);
        string outDir = dir.File("out"), parts = ScanDirectory.PartsFolder(outDir, 0, 1);
        Assert.True(ScanRun.RunAndKill(outDir, ScanRun.SmallMap, 0, 1, chunks: 2));
        var random = new Random(1);
        string chunkTemp = ScanDamage.LeaveTemp(ScanDirectory.ChunkFile(parts, 2), random);
        string shardTemp = ScanDamage.LeaveTemp(ScanDirectory.ShardFile(outDir, 0, 1), random);
        string heatmapTemp = ScanDamage.LeaveTemp(Path.Combine(outDir, "heatmap.png"), random);
        string specTemp = ScanDamage.LeaveTemp(Path.Combine(outDir, ScanDirectory.SpecFile), random);

        var check = CliHarness.Run("check", outDir);
        foreach (var temp in new[] { chunkTemp, shardTemp, heatmapTemp, specTemp })
            Assert.Contains($"{Path.GetRelativePath(outDir, temp)}: a temporary file left by an interrupted write: delete it when no scan or merge is running", check.Stdout);

        var resumed = ScanRun.Scan(outDir, "--spec", spec, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        foreach (var temp in new[] { chunkTemp, shardTemp, heatmapTemp })
        {
            Assert.Contains($"removed '{temp}': a temporary file left by an interrupted write", resumed.Stderr);
            Assert.False(File.Exists(temp));
        }
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));
        // spec.json is claimed by every shard, one of which may be writing it right now: only check names its temp files.
        check = CliHarness.Run("check", outDir);
        Assert.Equal(0, check.ExitCode); // the dataset (DIR/*.parquet) is complete all the same
        Assert.Contains(Path.GetFileName(specTemp), check.Stdout);
        Assert.Equal([specTemp], ScanTempFiles.Find(outDir));

        // Shards of a sharded scan leave each other's temporary files alone.
        string sharded = dir.File("sharded");
        Assert.Equal(0, ScanRun.Scan(sharded, "--spec", spec, "--shard", "0/2").ExitCode);
        string otherTemp = ScanDamage.LeaveTemp(ScanDirectory.ShardFile(sharded, 1, 2), random);
        Assert.Equal(0, ScanRun.Scan(sharded, "--spec", spec, "--shard", "0/2", "--resume").ExitCode);
        Assert.True(File.Exists(otherTemp));
        Assert.Contains($"removed '{otherTemp}'", ScanRun.Scan(sharded, "--spec", spec, "--shard", "1/2", "--resume").Stderr);
    }

    [Fact]
    public void A_corrupt_chunk_is_recomputed_and_a_corrupt_shard_is_refused_naming_the_file()
    {
        using var dir = new TempDirectory();
        var (spec, whole) = Whole(dir);
        string outDir = dir.File("out"), parts = ScanDirectory.PartsFolder(outDir, 0, 1);
        Assert.True(ScanRun.RunAndKill(outDir, ScanRun.SmallMap, 0, 1, chunks: 4));
        string truncated = ScanDirectory.ChunkFile(parts, 1), flipped = ScanDirectory.ChunkFile(parts, 3);
        ScanDamage.Truncate(truncated, new Random(2));
        var values = ScanParquet.Read(flipped);
        ((double[])values.Table["lambda_1"])[1] += 1e-9; // rewritten with the old checksum: content that does not match it
        ScanParquet.Write(flipped, values.Table, values.Metadata);

        var resumed = ScanRun.Scan(outDir, "--spec", spec, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"resume: '{truncated}': not a readable Parquet file (truncated or corrupt?)", resumed.Stderr);
        Assert.Contains($"resume: '{flipped}': its content does not match its recorded checksum (corrupted): deleted, recomputing it", resumed.Stderr);
        Assert.Contains("2 chunks (6 rows) already done", resumed.Stdout);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));

        string shard = ScanDirectory.ShardFile(outDir, 0, 1);
        ScanDamage.Truncate(shard, new Random(3));
        foreach (var flags in new[] { new[] { "--resume" }, [] })
        {
            var refused = ScanRun.Scan(outDir, ["--spec", spec, .. flags]);
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith($"error: '{shard}' not a readable Parquet file (truncated or corrupt?)", refused.Stderr);
            Assert.Contains("delete that file and rerun with --resume to recompute shard 0/1.", refused.Stderr);
        }
        var check = CliHarness.Run("check", outDir);
        Assert.Contains("scan-0000-of-0001.parquet: not a readable Parquet file (truncated or corrupt?)", check.Stdout);
        Assert.Contains("incomplete: 0 of 1 shards complete", check.Stdout); // the bad file's name gives the shard count
        Assert.DoesNotContain("no shard files yet", check.Stdout);
        File.Delete(shard);
        Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--resume").ExitCode);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));
    }

    [Fact]
    public void Shard_and_chunk_names_with_digits_out_of_int_range_are_not_files_of_this_scan()
    {
        Assert.Null(ScanDirectory.ParseShardName("scan-99999999999-of-0001.parquet"));
        Assert.Null(ScanDirectory.ParseShardName("scan-0000-of-99999999999.parquet"));
        Assert.Null(ScanDirectory.ParseChunkName("chunk-99999999999.parquet"));
        Assert.Equal((2147483647, 2147483647), ScanDirectory.ParseShardName("scan-2147483647-of-2147483647.parquet"));
        Assert.Equal(2147483647, ScanDirectory.ParseChunkName("chunk-2147483647.parquet"));

        using var dir = new TempDirectory();
        var (spec, whole) = Whole(dir);
        string outDir = dir.File("out"), parts = ScanDirectory.PartsFolder(outDir, 0, 1);
        Assert.True(ScanRun.RunAndKill(outDir, ScanRun.SmallMap, 0, 1, chunks: 2));
        string overflowChunk = Path.Combine(parts, "chunk-99999999999.parquet");
        File.Copy(ScanDirectory.ChunkFile(parts, 0), overflowChunk);
        string overflowShard = Path.Combine(outDir, "scan-99999999999-of-0001.parquet");
        File.Copy(ScanDirectory.ChunkFile(parts, 0), overflowShard);

        var check = CliHarness.Run("check", outDir);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("scan-99999999999-of-0001.parquet: not a shard file of this scan (readers of DIR/*.parquet would take it in): move it out", check.Stdout);
        Assert.Contains("shard 0/1: missing (interrupted or running: 2 of 8 chunks done; rerun it with --resume)", check.Stdout);

        var resumed = ScanRun.Scan(outDir, "--spec", spec, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"resume: '{overflowChunk}': is not a chunk file of this scan (expected chunk-CCCCCCC.parquet): deleted, recomputing it", resumed.Stderr);
        Assert.Contains("2 chunks (6 rows) already done", resumed.Stdout);
        File.Delete(overflowShard);
        Assert.Equal(0, CliHarness.Run("check", outDir).ExitCode);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));
    }

    [Fact]
    public void Files_of_an_older_version_are_reported_by_check_and_recomputed_by_resume()
    {
        using var dir = new TempDirectory();
        var (spec, whole) = Whole(dir);
        string outDir = dir.File("out"), parts = ScanDirectory.PartsFolder(outDir, 0, 1);
        Assert.True(ScanRun.RunAndKill(outDir, ScanRun.SmallMap, 0, 1, chunks: 3));
        ScanDamage.StripProof(ScanDirectory.ChunkFile(parts, 0));
        var resumed = ScanRun.Scan(outDir, "--spec", spec, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"resume: '{ScanDirectory.ChunkFile(parts, 0)}': written by an older version (no row range or content checksum recorded), so it cannot be verified: deleted, recomputing it", resumed.Stderr);
        Assert.Contains("2 chunks (6 rows) already done", resumed.Stdout);

        string shard = ScanDirectory.ShardFile(outDir, 0, 1);
        ScanDamage.StripProof(shard);
        var check = CliHarness.Run("check", outDir);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("scan-0000-of-0001.parquet: written by an older version (no row range or content checksum recorded), so it cannot be verified: rerun shard 0/1 with --resume to recompute it", check.Stdout);
        var plain = ScanRun.Scan(outDir, "--spec", spec); // as before: a complete shard is left as it is without --resume
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("not verified: rerun with --resume to recompute it", plain.Stdout);
        resumed = ScanRun.Scan(outDir, "--spec", spec, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("recomputing shard 0/1", resumed.Stderr);
        Assert.Equal(0, CliHarness.Run("check", outDir).ExitCode);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));
    }

    [Fact]
    public void Every_file_records_its_rows_and_a_checksum_of_their_bytes()
    {
        using var dir = new TempDirectory();
        var (spec, whole) = Whole(dir);
        var plan = ScanDirectory.PlanOf(dir.File("whole"));
        string merged = Path.Combine(dir.File("whole"), "merged", "scan.parquet");
        Assert.Equal(0, CliHarness.Run("merge", dir.File("whole")).ExitCode);
        Assert.True(ScanFileProof.Verify(merged, plan, 0, plan.Grid.Rows).IsVerified);
        var metadata = ScanParquet.Read(merged).Metadata;
        Assert.Equal("0", metadata[ScanFileProof.FirstRowKey]);
        Assert.Equal("24", metadata[ScanFileProof.RowCountKey]);
        Assert.Equal(ScanChecksum.Of(whole), metadata[ScanFileProof.ChecksumKey]);
        Assert.Matches("^sha256:[0-9a-f]{64}$", metadata[ScanFileProof.ChecksumKey]);

        // Every bit of every value counts, −0 against +0 included; so do the column names.
        var lambda = (double[])whole["lambda_1"];
        double kept = lambda[5];
        lambda[5] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(kept) ^ 1);
        Assert.NotEqual(metadata[ScanFileProof.ChecksumKey], ScanChecksum.Of(whole));
        lambda[5] = kept;
        Assert.NotEqual(ScanChecksum.Of(new ScanTable([("x", new[] { 0.0 })])), ScanChecksum.Of(new ScanTable([("x", new[] { -0.0 })])));
        Assert.NotEqual(ScanChecksum.Of(new ScanTable([("x", new[] { 1L })])), ScanChecksum.Of(new ScanTable([("y", new[] { 1L })])));
        Assert.NotEqual(ScanChecksum.Of(new ScanTable([("s", new[] { "ab", "" })])), ScanChecksum.Of(new ScanTable([("s", new[] { "a", "b" })])));
        Assert.Equal(metadata[ScanFileProof.ChecksumKey], ScanChecksum.Of(whole));
    }

    [Fact]
    public void Any_flipped_byte_gives_a_verdict_and_a_verified_file_always_holds_the_right_rows()
    {
        using var dir = new TempDirectory();
        var (_, whole) = Whole(dir);
        var plan = ScanDirectory.PlanOf(dir.File("whole"));
        string shard = ScanDirectory.ShardFile(dir.File("whole"), 0, 1), copy = dir.File("copy.parquet");
        var original = File.ReadAllBytes(shard);
        var random = new Random(4);
        int verified = 0;
        for (int i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            File.WriteAllBytes(copy, bytes);
            var verdict = ScanFileProof.Verify(copy, plan, 0, plan.Grid.Rows); // never throws
            if (!verdict.IsVerified)
                continue;
            verified++; // (a byte of metadata the checksum does not cover, such as created_utc)
            ScanRun.AssertSameRows(whole, verdict.Table!);
        }
        Assert.InRange(verified, 0, 299);
    }

    private static (string Spec, ScanTable Whole) Whole(TempDirectory dir)
    {
        string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap);
        Assert.Equal(0, ScanRun.Scan(dir.File("whole"), "--spec", spec).ExitCode);
        return (spec, ScanRun.ReadAll(dir.File("whole")));
    }
}
