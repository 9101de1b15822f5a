using Parquet;
using Parquet.Schema;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Scan tables as Snappy-compressed Parquet (one row group) with the provenance in the key–value metadata, written
/// atomically; and read back, with unreadable or foreign files reported as <see cref="InvalidDataException"/>s that
/// name the file.
/// </summary>
internal static class ScanParquet
{
    /// <summary>Metadata key every scan file carries; a Parquet file without it is not ours.</summary>
    public const string HashKey = "fastattractors.scan.spec_hash";

    public static void Write(string path, ScanTable table, IReadOnlyDictionary<string, string> metadata) =>
        ColumnsParquet.Write(path, table.Columns, metadata);

    public static (ScanTable Table, IReadOnlyDictionary<string, string> Metadata) Read(string path) =>
        Guard(path, () => ReadAsync(path, withRows: true).GetAwaiter().GetResult());

    /// <summary>The key–value metadata and row count only (the footer), for <c>check</c>.</summary>
    public static (long Rows, IReadOnlyDictionary<string, string> Metadata) ReadFooter(string path)
    {
        var (table, metadata) = Guard(path, () => ReadAsync(path, withRows: false).GetAwaiter().GetResult());
        return (table.Rows, metadata);
    }

    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path}: not a readable Parquet file (truncated or corrupt?): {e.Message}", e);
        }
    }

    private static async Task<(ScanTable, IReadOnlyDictionary<string, string>)> ReadAsync(string path, bool withRows)
    {
        // Our own stream, so a file that fails to open as Parquet (truncated) is closed all the same.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var metadata = new Dictionary<string, string>(reader.CustomMetadata);
        if (!metadata.ContainsKey(HashKey))
            throw new InvalidDataException($"{path}: a Parquet file without FastAttractors scan metadata (no '{HashKey}'): not a scan shard.");
        if (reader.RowGroupCount != 1)
            throw new InvalidDataException($"{path}: expected one row group, got {reader.RowGroupCount}.");
        using var group = reader.OpenRowGroupReader(0);
        int rows = checked((int)group.RowCount);
        var columns = new List<(string, Array)>();
        foreach (var field in reader.Schema.GetDataFields())
        {
            if (!withRows)
                continue;
            Array values = field.ClrType switch
            {
                var t when t == typeof(long) => await Read<long>(group, field, rows),
                var t when t == typeof(int) => await Read<int>(group, field, rows),
                var t when t == typeof(double) => await Read<double>(group, field, rows),
                var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => await Text(group, field, rows),
                var t => throw new InvalidDataException($"{path}: column {field.Name} has unexpected type {t}."),
            };
            columns.Add((field.Name, values));
        }
        if (!withRows)
            columns.Add(("row", new long[rows])); // only the count is wanted
        return (new ScanTable(columns), metadata);
    }

    private static async Task<Array> Read<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var values = new T[rows];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values;
    }

    private static async Task<Array> Text(ParquetRowGroupReader group, DataField field, int rows)
    {
        var text = new string?[rows];
        await group.ReadAsync(field, text.AsMemory());
        return text.Select(t => t ?? "").ToArray();
    }
}
