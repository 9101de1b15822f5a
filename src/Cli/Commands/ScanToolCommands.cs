using System.CommandLine;
using System.Globalization;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// The scan commands: <c>scan</c>, <c>check DIR</c> (missing or broken shards, exit 1), <c>merge DIR</c> (one file and
/// the heatmap) and <c>slurm-template</c> (a job-array script), registered together.
/// </summary>
internal static class ScanToolCommands
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr, bool interactive) =>
        [ScanCommand.Create(stdout, stderr, interactive), Check(stdout), Merge(stdout, stderr), SlurmTemplate(stdout)];

    private static Command Check(TextWriter stdout)
    {
        var dir = new Argument<string>("DIR") { Description = "A scan output directory." };
        var shards = new Option<int?>("--shards") { Description = "The shard count to check for (default: the one the files show)." };
        var command = new Command("check", "List the missing, incomplete or broken shards of a scan directory: exit 1 if any, else 0.") { dir, shards };
        command.SetAction(p =>
        {
            var check = ScanCheck.Inspect(p.GetValue(dir)!, p.GetValue(shards));
            foreach (var problem in check.Problems)
                stdout.WriteLine(problem);
            foreach (var temp in check.TempFiles)
                stdout.WriteLine(temp);
            stdout.WriteLine(check.IsComplete
                ? string.Create(CultureInfo.InvariantCulture, $"complete: {check.Complete.Count} shards, {check.Plan.Grid.Rows} rows (spec {check.Plan.Hash})")
                : $"incomplete: {check.Complete.Count} of {check.ShardCount?.ToString(CultureInfo.InvariantCulture) ?? "?"} shards complete (spec {check.Plan.Hash})");
            return check.IsComplete ? ExitCodes.Ok : ExitCodes.Runtime;
        });
        return command;
    }

    private static Command Merge(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "A complete scan output directory." };
        var output = new Option<string?>("--output") { Description = "The merged file (default DIR/merged/scan.parquet, outside the DIR/*.parquet dataset)." };
        var shards = new Option<int?>("--shards") { Description = "The shard count to merge (default: the one the files show)." };
        var npz = new Option<bool>("--npz") { Description = "Also write the merged table as .npz." };
        var command = new Command("merge", "Merge the shards of a complete scan into one Parquet file, sorted by row, and draw DIR/heatmap.png.") { dir, output, shards, npz };
        command.SetAction(p =>
        {
            string directory = Path.GetFullPath(p.GetValue(dir)!);
            var check = ScanCheck.Inspect(directory, p.GetValue(shards));
            if (!check.IsComplete)
                throw new RuntimeFailure($"DIR: '{directory}' is not complete ({string.Join("; ", check.Problems)}); see fastattractors check.");
            var plan = check.Plan;
            var parts = check.Complete.Select(f => ScanParquet.Read(f)).ToList();
            var table = ScanTable.Concat([.. parts.Select(t => t.Table)], ScanTable.ColumnNames(plan));
            var rows = table.RowIndex;
            for (long r = 0; r < rows.Length; r++)
            {
                if (rows[r] != r)
                    throw new RuntimeFailure($"DIR: row {r} is missing or duplicated in the shards (found row {rows[r]} there).");
            }
            if (rows.Length != plan.Grid.Rows)
                throw new RuntimeFailure($"DIR: {rows.Length} rows in the shards, the spec has {plan.Grid.Rows}.");
            string path = Path.GetFullPath(p.GetValue(output) ?? Path.Combine(directory, "merged", "scan.parquet"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // The temporary files of merge's own killed writes: of its output (and .npz) and of the heatmap.
            string npzName = Path.GetFileName(Path.ChangeExtension(path, ".npz"));
            ScanTempFiles.Remove(Path.GetDirectoryName(path)!, t => t == Path.GetFileName(path) || t == npzName, stderr);
            ScanTempFiles.Remove(directory, t => t == "heatmap.png", stderr);
            var metadata = new Dictionary<string, string>(parts[0].Metadata)
            {
                ["shard"] = "merged",
                ["shard_index"] = "0",
                ["shard_count"] = "1",
                ["backend"] = string.Join(",", parts.SelectMany(t => t.Metadata["backend"].Split(',')).Distinct().Order()),
                ["rows"] = table.Rows.ToString(CultureInfo.InvariantCulture),
                ["first_row"] = "0",
                ["merged_from"] = string.Create(CultureInfo.InvariantCulture, $"{check.Complete.Count} shards"),
                ["created_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            };
            metadata.Remove("seconds");
            // The shards' metadata names shard 0's backend; the merged file names every backend that computed rows.
            var meta = ScanResultMetadata.Of(plan, metadata["backend"]);
            foreach (var (key, value) in meta.ParquetKeys().Where(k => k.Key != "fastattractors.version"))
                metadata[key] = value;
            foreach (var (key, value) in ScanFileProof.Record(table, firstRow: 0))
                metadata[key] = value;
            ScanParquet.Write(path, table, metadata);
            var written = new List<string> { path };
            if (p.GetValue(npz))
                written.Add(ScanNpz.Write(Path.ChangeExtension(path, ".npz"), plan, table, meta));
            if (ScanHeatmap.Render(plan, table) is { } png)
            {
                string heatmap = Path.Combine(directory, "heatmap.png");
                AtomicFile.Write(heatmap, s => s.Write(png));
                written.Add(heatmap);
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merged {check.Complete.Count} shards, {table.Rows} rows"));
            stdout.WriteLine($"wrote {string.Join(", ", written)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SlurmTemplate(TextWriter stdout)
    {
        var spec = new Option<string>("--spec") { Description = "The scan spec file the tasks run.", DefaultValueFactory = _ => "scan.json" };
        var output = CommonOptions.Out("results/scan", "The scan output directory.");
        var shards = new Option<int>("--shards") { Description = "Array tasks = shards.", DefaultValueFactory = _ => 8 };
        var cpus = new Option<int>("--cpus-per-task") { Description = "Cores per task.", DefaultValueFactory = _ => 2 };
        var time = new Option<string>("--time") { Description = "Time limit per task.", DefaultValueFactory = _ => "01:00:00" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)." };
        var cli = new Option<string>("--cli") { Description = "How the nodes invoke the CLI.", DefaultValueFactory = _ => "fastattractors" };
        var command = new Command("slurm-template", "Print a Slurm job-array script that runs a scan, one shard per array task (sbatch it).")
            { spec, output, shards, cpus, time, partition, cli };
        command.SetAction(p =>
        {
            int n = p.GetValue(shards);
            if (n < 1)
                throw new UsageException($"--shards: must be at least 1, got {n}.");
            if (p.GetValue(cpus) < 1)
                throw new UsageException($"--cpus-per-task: must be at least 1, got {p.GetValue(cpus)}.");
            stdout.Write(SlurmScript.Of(p.GetValue(cli)!, p.GetValue(spec)!, p.GetValue(output)!, n, p.GetValue(cpus), p.GetValue(time)!, p.GetValue(partition)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
