using System.Diagnostics;
using System.Text.RegularExpressions;
using FastAttractors.Cli.Scan;
using FastAttractors.Cli.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// Kills and damage at random (seeded): each case splits the small map scan into 1–3 shards, leaves each shard
/// complete, killed after some chunks or not started, then damages chunk and shard files (truncate, flip a byte,
/// swap, copy over or beside another, another shard's chunk, an older version's file, a name out of int range, an
/// interrupted write's temporary file). Rerunning every shard with --resume must then give exactly the rows of an
/// uninterrupted run (all columns bit for bit, check complete, no temporary file left after merge), recomputing only
/// files that were damaged; the only refusals allowed name a damaged shard file to delete, after which the rerun
/// completes.
/// </summary>
public partial class ScanResumeDamageTests(ITestOutputHelper output)
{
    private const int Cases = 16;

    private enum Damage { Temp, TruncateChunk, FlipChunk, CopyChunkOver, SwapChunks, CopyChunkBeside, ForeignChunk, OlderChunk, OutOfRangeChunk, TruncateShard, FlipShard, CopyShardOver, OlderShard }

    [Fact]
    public void Resume_after_random_kills_and_damage_equals_an_uninterrupted_run_or_names_the_file_to_delete()
    {
        using var dir = new TempDirectory();
        string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap);
        Assert.Equal(0, ScanRun.Scan(dir.File("whole"), "--spec", spec).ExitCode);
        var whole = ScanRun.ReadAll(dir.File("whole"));
        var plan = ScanDirectory.PlanOf(dir.File("whole"));
        var clock = Stopwatch.StartNew();
        int refusals = 0, recomputed = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            try
            {
                var (refused, redone) = RunCase(seed, dir.File($"case-{seed}"), spec, plan, whole);
                refusals += refused;
                recomputed += redone;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new XunitException($"seed {seed}: {e.Message}", e);
            }
        }
        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s: {refusals} refusals, {recomputed} damaged files named on stderr");
        // The seeds hit both outcomes (a fixed sequence: this guards the test, not the tool).
        Assert.True(refusals > 0 && recomputed > 0, $"{refusals} refusals, {recomputed} recomputed files in {Cases} cases");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"{Cases} cases took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static (int Refusals, int Recomputed) RunCase(int seed, string outDir, string spec, ScanJob plan, ScanTable whole)
    {
        var random = new Random(seed);
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            var (first, end) = plan.Grid.ShardChunks(i, count);
            switch (random.Next(3))
            {
                case 0:
                    Assert.Equal(0, ScanRun.Scan(outDir, "--spec", spec, "--shard", $"{i}/{count}").ExitCode);
                    break;
                case 1 when end - first > 1:
                    Assert.True(ScanRun.RunAndKill(outDir, ScanRun.SmallMap, i, count, random.Next(1, end - first)));
                    break;
                default:
                    Directory.CreateDirectory(outDir); // not started
                    break;
            }
        }

        var damaged = new HashSet<string>();
        int damages = random.Next(1, 4);
        for (int tries = 0; damages > 0 && tries < 50; tries++)
        {
            if (Apply((Damage)random.Next(Enum.GetValues<Damage>().Length), outDir, plan, count, random, damaged))
                damages--;
        }

        int refusals = 0;
        var named = new HashSet<string>();
        for (int i = 0; i < count; i++)
        {
            var run = ScanRun.Scan(outDir, "--spec", spec, "--shard", $"{i}/{count}", "--resume");
            if (run.ExitCode != 0)
            {
                Assert.Equal(1, run.ExitCode);
                var refused = Regex.Match(run.Stderr, "^error: '([^']+)' .*: delete that file and rerun with --resume");
                Assert.True(refused.Success, run.Stderr);
                string file = Path.GetFullPath(refused.Groups[1].Value);
                Assert.True(damaged.Contains(file) && ScanDirectory.ParseShardName(file) is not null, $"refused an undamaged file: {run.Stderr}");
                File.Delete(file);
                refusals++;
                run = ScanRun.Scan(outDir, "--spec", spec, "--shard", $"{i}/{count}", "--resume");
            }
            Assert.True(run.ExitCode == 0, run.Stderr);
            foreach (Match line in ResumeLine().Matches(run.Stderr))
                named.Add(Path.GetFullPath(line.Groups[1].Value));
        }
        // Only what was damaged is recomputed or removed: an intact chunk or shard is always reused.
        Assert.Empty(named.Except(damaged));

        var check = CliHarness.Run("check", outDir);
        Assert.True(check.ExitCode == 0, check.Stdout);
        ScanRun.AssertSameRows(whole, ScanRun.ReadAll(outDir));
        var merge = CliHarness.Run("merge", outDir);
        Assert.True(merge.ExitCode == 0, merge.Stderr);
        Assert.Empty(ScanTempFiles.Find(outDir));
        return (refusals, named.Count);
    }

    /// <summary>Applies one damage if the directory has a file it fits; the files it spoiled go into <paramref name="damaged"/>.</summary>
    private static bool Apply(Damage damage, string outDir, ScanJob plan, int count, Random random, HashSet<string> damaged)
    {
        var chunks = Directory.Exists(Path.Combine(outDir, ".parts"))
            ? Directory.GetFiles(Path.Combine(outDir, ".parts"), "chunk-*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];
        var shards = Directory.GetFiles(outDir, "scan-*.parquet").Order(StringComparer.Ordinal).ToArray();
        string Pick(string[] files) => Path.GetFullPath(files[random.Next(files.Length)]);
        switch (damage)
        {
            case Damage.Temp:
                var targets = chunks.Concat(shards).Append(Path.Combine(outDir, "heatmap.png")).ToArray();
                damaged.Add(Path.GetFullPath(ScanDamage.LeaveTemp(Pick(targets), random)));
                return true;
            case Damage.TruncateChunk or Damage.FlipChunk or Damage.OlderChunk when chunks.Length > 0:
            case Damage.TruncateShard or Damage.FlipShard or Damage.OlderShard when shards.Length > 0:
                string file = Pick(damage is Damage.TruncateChunk or Damage.FlipChunk or Damage.OlderChunk ? chunks : shards);
                if (damage is Damage.TruncateChunk or Damage.TruncateShard)
                    ScanDamage.Truncate(file, random);
                else if (damage is Damage.FlipChunk or Damage.FlipShard)
                    ScanDamage.FlipByte(file, random);
                else if (ScanParquet.Read(file).Metadata.ContainsKey(ScanFileProof.ChecksumKey)) // (not a file already spoiled)
                    ScanDamage.StripProof(file);
                damaged.Add(file);
                return true;
            case Damage.CopyChunkOver or Damage.SwapChunks when chunks.Length > 1:
                string a = Pick(chunks), b = Pick(chunks);
                if (a == b)
                    return false;
                if (damage == Damage.SwapChunks)
                    ScanDamage.Swap(a, b);
                else
                    ScanDamage.CopyOver(a, b);
                damaged.UnionWith([a, b]); // (a copy of an intact chunk over a spoiled one leaves 'a' intact: a subset is fine)
                return true;
            case Damage.CopyChunkBeside or Damage.ForeignChunk when chunks.Length > 0:
                // Under the name of a chunk not yet done: of this shard, or of another shard's range.
                string source = Pick(chunks), parts = Path.GetDirectoryName(source)!;
                var shard = ScanDirectory.ParseShardName($"scan-{Path.GetFileName(parts)}.parquet")!.Value;
                var (first, end) = plan.Grid.ShardChunks(shard.Index, shard.Count);
                int chunk = damage == Damage.CopyChunkBeside ? random.Next(first, end) : random.Next(0, plan.Grid.Chunks);
                string target = Path.GetFullPath(ScanDirectory.ChunkFile(parts, chunk));
                if (File.Exists(target) || (damage == Damage.ForeignChunk && chunk >= first && chunk < end))
                    return false;
                ScanDamage.CopyOver(source, target);
                damaged.Add(target);
                return true;
            case Damage.OutOfRangeChunk when chunks.Length > 0:
                string overflow = Path.Combine(Path.GetDirectoryName(Pick(chunks))!, "chunk-99999999999.parquet");
                ScanDamage.CopyOver(Pick(chunks), overflow);
                damaged.Add(Path.GetFullPath(overflow));
                return true;
            case Damage.CopyShardOver when shards.Length > 0:
                int index = random.Next(count);
                string from = Pick(shards), to = Path.GetFullPath(ScanDirectory.ShardFile(outDir, index, count));
                if (from == to)
                    return false;
                ScanDamage.CopyOver(from, to);
                damaged.Add(to);
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex("^resume: '([^']+)'", RegexOptions.Multiline)]
    private static partial Regex ResumeLine();
}
