using Parquet;
using Parquet.Schema;

namespace FastAttractors.Cli.Output;

/// <summary>
/// Writes named columns (double[], int[], long[] or string[], all of one length) as one Snappy-compressed Parquet
/// row group, atomically, with key–value metadata (the provenance) in the file.
/// </summary>
internal static class ColumnsParquet
{
    public static void Write(string path, IReadOnlyList<(string Name, Array Values)> columns, IReadOnlyDictionary<string, string> metadata)
    {
        int rows = columns.Count == 0 ? 0 : columns[0].Values.Length;
        foreach (var (name, values) in columns)
        {
            if (values.Length != rows)
                throw new InvalidOperationException($"column '{name}' has {values.Length} rows, '{columns[0].Name}' has {rows}.");
        }
        AtomicFile.Write(path, stream => WriteAsync(stream, columns, metadata).GetAwaiter().GetResult());
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<(string Name, Array Values)> columns, IReadOnlyDictionary<string, string> metadata)
    {
        var fields = columns.Select(c => c.Values switch
        {
            double[] => (DataField)new DataField<double>(c.Name),
            int[] => new DataField<int>(c.Name),
            long[] => new DataField<long>(c.Name),
            string[] => new DataField<string>(c.Name),
            _ => throw new InvalidOperationException($"column '{c.Name}': unsupported type {c.Values.GetType().Name}."),
        }).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream,
            new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        writer.CustomMetadata = metadata.ToDictionary();
        using var group = writer.CreateRowGroup();
        for (int c = 0; c < columns.Count; c++)
        {
            switch (columns[c].Values)
            {
                case double[] d: await group.WriteAsync<double>(fields[c], d); break;
                case int[] i: await group.WriteAsync<int>(fields[c], i); break;
                case long[] l: await group.WriteAsync<long>(fields[c], l); break;
                case string[] s: await group.WriteAsync(fields[c], s); break;
            }
        }
    }
}
