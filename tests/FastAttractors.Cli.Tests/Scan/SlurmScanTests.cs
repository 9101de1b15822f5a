using System.Diagnostics;
using FastAttractors.Cli.Scan;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// The scan under a real scheduler: a one-node Slurm cluster (tests/slurm/one-node.sh: slurm-wlm + munge)
/// runs the script of <c>slurm-template</c> as a 4-task job array, and the union of the four shard files equals the
/// single-process run row for row. Needs root and the slurm packages, which .ci/run installs; without them it fails
/// with the install hint. The slowest test of the suite (the cluster starts in ~1 s; four CLI processes follow).
/// </summary>
public class SlurmScanTests
{
    [Fact]
    public void A_four_task_job_array_equals_the_single_process_scan()
    {
        string root = RepositoryRoot();
        using var dir = new TempDirectory();
        string cluster = Path.Combine(dir.Path, "cluster");
        var (upCode, upOut, upErr) = Run("bash", [Path.Combine(root, "tests", "slurm", "one-node.sh"), "up"], new() { ["D"] = cluster });
        Assert.True(upCode == 0, $"could not start the one-node Slurm cluster (exit {upCode}): {upErr}{upOut}");
        try
        {
            string conf = upOut.Trim().Split('\n').Last().Replace("export SLURM_CONF=", "", StringComparison.Ordinal);
            var env = new Dictionary<string, string> { ["SLURM_CONF"] = conf };
            string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap), outDir = Path.Combine(dir.Path, "array");
            string script = Path.Combine(dir.Path, "scan.sbatch");
            File.WriteAllText(script, SlurmScript.Of(CliProcess.CommandLine, spec, outDir, shards: 4, cpus: 1, time: "00:10:00", partition: null));

            var (code, stdout, stderr) = Run("sbatch", ["--parsable", $"--chdir={dir.Path}", script], env);
            Assert.True(code == 0, $"sbatch failed: {stderr}");
            string job = stdout.Trim().Split(';')[0];
            var clock = Stopwatch.StartNew();
            while (Run("squeue", ["-h", "-j", job], env) is var (q, queued, _) && q == 0 && queued.Trim().Length > 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"job {job} still queued or running after 5 minutes: {queued}");
                Thread.Sleep(250);
            }
            string logs = string.Join("\n", Directory.GetFiles(dir.Path, "fastattractors-scan-*.log").Order().Select(File.ReadAllText));
            var check = CliHarness.Run("check", outDir);
            Assert.True(check.ExitCode == 0, $"check: {check.Stdout}\nlogs:\n{logs}");
            Assert.Contains("complete: 4 shards, 24 rows", check.Stdout);
            Assert.Contains("(SLURM_ARRAY_TASK_ID)", logs); // the index came from the scheduler, not from a flag

            Assert.Equal(0, ScanRun.Scan(Path.Combine(dir.Path, "single"), "--spec", spec).ExitCode);
            ScanRun.AssertSameRows(ScanRun.ReadAll(Path.Combine(dir.Path, "single")), ScanRun.ReadAll(outDir));
        }
        finally
        {
            Run("bash", [Path.Combine(root, "tests", "slurm", "one-node.sh"), "down"], new() { ["D"] = cluster });
        }
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "FastAttractors.sln")))
                return d.FullName;
        }
        throw new InvalidOperationException($"no FastAttractors.sln above {AppContext.BaseDirectory}.");
    }

    private static (int Code, string Stdout, string Stderr) Run(string file, string[] args, Dictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        foreach (var (k, v) in env)
            info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
