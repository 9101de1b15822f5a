using Parquet;
using Parquet.Schema;
using FastAttractors.Cli.Sequence;

namespace FastAttractors.Cli.Output;

/// <summary>
/// Writes sequence rows as one Snappy-compressed Parquet row group, atomically, with the provenance (command line,
/// settings, versions, data source) in the file's key–value metadata so a result file says how it was made.
/// </summary>
internal static class SequenceParquet
{
    /// <summary>The columns, in file order; tests read them back by these names.</summary>
    public static readonly string[] Columns =
    [
        "sweep", "point", "variant", "data", "network", "visible", "hidden", "hidden_used", "length", "flipped", "trials",
        "successes", "success_rate", "success", "epochs", "converged", "min_hidden_margin", "min_visible_margin",
        "kappa", "eta", "max_epochs", "schedule", "hidden_code", "criterion", "seed", "backend", "train_seconds",
    ];

    public static void Write(string path, IReadOnlyList<SequenceRow> rows, IReadOnlyDictionary<string, string> provenance) =>
        AtomicFile.Write(path, stream => WriteAsync(stream, rows, provenance).GetAwaiter().GetResult());

    private static async Task WriteAsync(Stream stream, IReadOnlyList<SequenceRow> rows, IReadOnlyDictionary<string, string> provenance)
    {
        var columns = new (DataField Field, Func<DataField, ParquetRowGroupWriter, Task> Write)[]
        {
            Text("sweep", r => r.Sweep), Int("point", r => r.Point), Text("variant", r => r.Variant), Text("data", r => r.Data),
            Int("network", r => r.Network), Int("visible", r => r.Visible), Int("hidden", r => r.Hidden), Int("hidden_used", r => r.HiddenUsed),
            Int("length", r => r.Length), Int("flipped", r => r.Flipped), Int("trials", r => r.Trials), Int("successes", r => r.Successes),
            Real("success_rate", r => r.SuccessRate), Flag("success", r => r.Success), Int("epochs", r => r.Epochs), Flag("converged", r => r.Converged),
            Real("min_hidden_margin", r => r.MinHiddenMargin), Real("min_visible_margin", r => r.MinVisibleMargin),
            Real("kappa", r => r.Kappa), Real("eta", r => r.Eta), Int("max_epochs", r => r.MaxEpochs), Text("schedule", r => r.Schedule),
            Text("hidden_code", r => r.HiddenCode), Text("criterion", r => r.Criterion), Long("seed", r => r.Seed),
            Text("backend", r => r.Backend), Real("train_seconds", r => r.TrainSeconds),
        };
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        writer.CustomMetadata = provenance.ToDictionary();
        using var group = writer.CreateRowGroup();
        foreach (var (field, write) in columns)
            await write(field, group);

        (DataField, Func<DataField, ParquetRowGroupWriter, Task>) Int(string name, Func<SequenceRow, int> get) =>
            (new DataField<int>(name), (f, g) => g.WriteAsync<int>(f, rows.Select(get).ToArray()));
        (DataField, Func<DataField, ParquetRowGroupWriter, Task>) Long(string name, Func<SequenceRow, long> get) =>
            (new DataField<long>(name), (f, g) => g.WriteAsync<long>(f, rows.Select(get).ToArray()));
        (DataField, Func<DataField, ParquetRowGroupWriter, Task>) Real(string name, Func<SequenceRow, double> get) =>
            (new DataField<double>(name), (f, g) => g.WriteAsync<double>(f, rows.Select(get).ToArray()));
        (DataField, Func<DataField, ParquetRowGroupWriter, Task>) Flag(string name, Func<SequenceRow, bool> get) =>
            (new DataField<bool>(name), (f, g) => g.WriteAsync<bool>(f, rows.Select(get).ToArray()));
        (DataField, Func<DataField, ParquetRowGroupWriter, Task>) Text(string name, Func<SequenceRow, string> get) =>
            (new DataField<string>(name), (f, g) => g.WriteAsync(f, rows.Select(get).ToArray()));
    }
}
