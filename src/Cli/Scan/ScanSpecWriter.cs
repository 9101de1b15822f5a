using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Writes a spec as indented JSON in field order (axes after family and n), leaving out unset fields. The resolved
/// spec written this way, without the backend, is what a scan's hash covers: the same text, the same rows.
/// </summary>
internal static class ScanSpecWriter
{
    public static string ToJson(ScanSpec spec)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var field in ScanFields.All)
            {
                JsonFieldWriter.Write(json, field.Json, field.Get(spec));
                if (field.Json == "connectivity" && spec.Axes is { } axes)
                    WriteAxes(json, axes);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>SHA-256 of the canonical JSON, first 16 hex digits: names the dataset a shard belongs to.</summary>
    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)))[..16];

    private static void WriteAxes(Utf8JsonWriter json, IReadOnlyList<ScanAxis> axes)
    {
        json.WriteStartObject("axes");
        foreach (var axis in axes)
        {
            json.WriteStartObject(axis.Name);
            json.WriteStartArray(axis.KindName);
            foreach (double a in axis.Arguments)
                json.WriteNumberValue(a);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
