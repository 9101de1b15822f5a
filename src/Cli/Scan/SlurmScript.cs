using System.Globalization;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// The job-array script of <c>slurm-template</c>. The shard count is passed explicitly (a re-run array task sees
/// SLURM_ARRAY_TASK_COUNT = 1) and every task resumes, so re-running a failed or killed task is always safe.
/// </summary>
internal static class SlurmScript
{
    public static string Of(string cli, string spec, string output, int shards, int cpus, string time, string? partition)
    {
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            "#!/bin/bash",
            "# A FastAttractors scan as a Slurm job array: array task i computes shard i of the scan (sbatch this file).",
            "# Re-run failed tasks with `sbatch --array=I,J this-file`: --resume continues each from its last completed chunk.",
            "#SBATCH --job-name=fastattractors-scan",
            string.Create(inv, $"#SBATCH --array=0-{shards - 1}"),
            "#SBATCH --ntasks=1",
            string.Create(inv, $"#SBATCH --cpus-per-task={cpus}"),
            $"#SBATCH --time={time}",
            "#SBATCH --output=fastattractors-scan-%A_%a.log",
        };
        if (partition is not null)
            lines.Add($"#SBATCH --partition={partition}");
        lines.AddRange(
        [
            "set -euo pipefail",
            string.Create(inv, $"{cli} scan --spec {Quote(spec)} --out {Quote(output)} --shards {shards} --resume"),
            $"# when every task has finished: {cli} check {Quote(output)} && {cli} merge {Quote(output)}",
        ]);
        return string.Join("\n", lines) + "\n";
    }

    private static string Quote(string s) => s.All(c => char.IsLetterOrDigit(c) || "/._-+=:,".Contains(c)) ? s : "'" + s.Replace("'", "'\\''") + "'";
}
