using System.Text.Json;
using Xunit;

namespace FastAttractors.Cli.Tests.Support;

/// <summary>
/// The self-description a result file carries, read back from whichever format it is: an npz's meta_json and
/// param_NAME arrays, a Parquet file's fastattractors.* key–value metadata, a JSON file's "meta" object. All three
/// hold the same JSON object (version, commit, command, backend, precision, units, parameters, settings).
/// </summary>
public sealed record ResultFileMetadata(string Path, JsonElement Meta, IReadOnlyDictionary<string, Array> NpzParameters,
    IReadOnlyDictionary<string, string> ParquetKeys, IReadOnlyList<string> Columns)
{
    public static ResultFileMetadata Read(string path)
    {
        switch (System.IO.Path.GetExtension(path))
        {
            case ".npz":
                var arrays = NpyArray.ReadNpz(path);
                Assert.True(arrays.ContainsKey("meta_json"), $"{path}: no meta_json array");
                var parameters = arrays.Where(a => a.Key.StartsWith("param_", StringComparison.Ordinal))
                    .ToDictionary(a => a.Key["param_".Length..], a => a.Value.Descr == "<i8" ? (Array)a.Value.Int64s() : a.Value.Doubles());
                return new(path, Parse(arrays["meta_json"].Text()), parameters, new Dictionary<string, string>(), [.. arrays.Keys]);
            case ".parquet":
                var table = ParquetTable.Read(path);
                Assert.True(table.Metadata.ContainsKey("fastattractors.meta_json"), $"{path}: no fastattractors.meta_json key");
                return new(path, Parse(table.Metadata["fastattractors.meta_json"]), new Dictionary<string, Array>(), table.Metadata, table.Names);
            case ".json":
                using (var document = JsonDocument.Parse(File.ReadAllText(path)))
                {
                    Assert.True(document.RootElement.TryGetProperty("meta", out var meta), $"{path}: no \"meta\" object");
                    return new(path, meta.Clone(), new Dictionary<string, Array>(), new Dictionary<string, string>(), []);
                }
            default:
                throw new InvalidOperationException($"{path}: not a result format");
        }
    }

    /// <summary>Every npz, Parquet and JSON file under <paramref name="directory"/>, recursively.</summary>
    public static IReadOnlyList<string> ResultFiles(string directory) =>
        [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => System.IO.Path.GetExtension(f) is ".npz" or ".parquet" or ".json").Order(StringComparer.Ordinal)];

    public string Text(string name) => Meta.GetProperty(name).GetString()!;

    public JsonElement Units => Meta.GetProperty("units");
    public JsonElement Parameters => Meta.GetProperty("parameters");
    public JsonElement Settings => Meta.GetProperty("settings");

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
