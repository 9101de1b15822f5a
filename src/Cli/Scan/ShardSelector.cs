using System.Globalization;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Which shard this process computes: <c>--shard i/n</c>; else <c>SLURM_ARRAY_TASK_ID</c> with an explicit
/// <c>--shards n</c> (a re-run array task sees SLURM_ARRAY_TASK_COUNT = 1, so the count is never taken from there);
/// else <c>SLURM_PROCID</c>/<c>SLURM_NTASKS</c> (srun); else <c>OMPI_COMM_WORLD_RANK</c>/<c>SIZE</c> (mpirun); else
/// Kubernetes' <c>JOB_COMPLETION_INDEX</c> with <c>--shards n</c>; else the whole scan (0/1).
/// </summary>
internal static class ShardSelector
{
    public readonly record struct Shard(int Index, int Count, string Source)
    {
        public override string ToString() => $"{Index}/{Count}";
    }

    public static Shard Resolve(string? shardFlag, int? shardsFlag, Func<string, string?> environment)
    {
        if (shardsFlag is < 1)
            throw new UsageException($"--shards: must be at least 1, got {shardsFlag}.");
        if (shardFlag is not null)
        {
            var parts = shardFlag.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || i >= n)
                throw new UsageException($"--shard: expected i/n with 0 ≤ i < n (e.g. 0/4), got '{shardFlag}'.");
            if (shardsFlag is { } s && s != n)
                throw new UsageException($"--shards: {s} contradicts --shard {shardFlag}.");
            return new Shard(i, n, "--shard");
        }
        if (environment("SLURM_ARRAY_TASK_ID") is { } task)
            return WithCount("SLURM_ARRAY_TASK_ID", task, shardsFlag, "sbatch --array=0-(N-1) … scan --shards N");
        if (environment("SLURM_PROCID") is { } procId && environment("SLURM_NTASKS") is { } nTasks && Number("SLURM_NTASKS", nTasks) > 1)
            return Pair("SLURM_PROCID/SLURM_NTASKS", procId, nTasks, shardsFlag);
        if (environment("OMPI_COMM_WORLD_RANK") is { } rank && environment("OMPI_COMM_WORLD_SIZE") is { } size)
            return Pair("OMPI_COMM_WORLD_RANK/SIZE", rank, size, shardsFlag);
        if (environment("JOB_COMPLETION_INDEX") is { } index)
            return WithCount("JOB_COMPLETION_INDEX", index, shardsFlag, "a Kubernetes indexed job with completions N … scan --shards N");
        if (shardsFlag is > 1)
            throw new UsageException($"--shards: {shardsFlag} shards but no shard index: give --shard i/{shardsFlag} or run under a Slurm array, srun, mpirun or an indexed job.");
        return new Shard(0, 1, "unsharded");
    }

    private static Shard WithCount(string variable, string value, int? count, string example)
    {
        int i = Number(variable, value);
        if (count is not { } n)
            throw new UsageException($"--shards: {variable} = {value} is set but the shard count is not; pass it ({example}).");
        if (i >= n)
            throw new UsageException($"--shards: {variable} = {i} is not below the shard count {n} (array indices run 0 … N−1).");
        return new Shard(i, n, variable);
    }

    private static Shard Pair(string source, string index, string count, int? shardsFlag)
    {
        int i = Number(source, index), n = Number(source, count);
        if (n < 1 || i >= n)
            throw new UsageException($"{source}: index {i} of {n} is not a shard (0 ≤ i < n).");
        if (shardsFlag is { } s && s != n)
            throw new UsageException($"--shards: {s} contradicts {source} ({n} tasks).");
        return new Shard(i, n, source);
    }

    private static int Number(string variable, string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v)
            ? v : throw new UsageException($"{variable}: expected a non-negative integer, got '{value}'.");
}
