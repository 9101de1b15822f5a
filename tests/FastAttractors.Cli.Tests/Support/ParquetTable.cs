using Parquet;
using Parquet.Schema;

namespace FastAttractors.Cli.Tests.Support;

/// <summary>A Parquet file read back with Parquet.Net: column names, typed columns and the file's key–value metadata.</summary>
public sealed class ParquetTable
{
    private readonly Dictionary<string, Array> columns = [];

    public IReadOnlyList<string> Names { get; private set; } = [];
    public long Rows { get; private set; }
    public IReadOnlyDictionary<string, string> Metadata { get; private set; } = new Dictionary<string, string>();

    public static ParquetTable Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    public T[] Column<T>(string name) => (T[])columns[name];

    private static async Task<ParquetTable> ReadAsync(string path)
    {
        var table = new ParquetTable();
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        table.Names = [.. fields.Select(f => f.Name)];
        table.Metadata = new Dictionary<string, string>(reader.CustomMetadata);
        if (reader.RowGroupCount != 1)
            throw new InvalidDataException($"expected one row group, got {reader.RowGroupCount}");
        using var group = reader.OpenRowGroupReader(0);
        table.Rows = group.RowCount;
        foreach (var field in fields)
            table.columns[field.Name] = await ReadColumn(group, field, (int)group.RowCount);
        return table;
    }

    private static async Task<Array> ReadColumn(ParquetRowGroupReader group, DataField field, int rows)
    {
        // Parquet.Net 6 reports text columns as ReadOnlyMemory<char>; they read into strings all the same.
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var text = new string?[rows];
            await group.ReadAsync(field, text.AsMemory());
            return text;
        }
        return field.ClrType switch
        {
            var t when t == typeof(int) => await Read<int>(group, field, rows),
            var t when t == typeof(long) => await Read<long>(group, field, rows),
            var t when t == typeof(double) => await Read<double>(group, field, rows),
            var t when t == typeof(bool) => await Read<bool>(group, field, rows),
            var t => throw new InvalidDataException($"column {field.Name}: unexpected type {t}"),
        };
    }

    private static async Task<Array> Read<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var values = new T[rows];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values;
    }
}
