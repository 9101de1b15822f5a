using System.Text;
using System.Text.Json;

namespace FastAttractors.Cli.Specs;

/// <summary>Writes a spec as indented JSON in the field order of <see cref="SpecFields"/>, leaving out unset fields.</summary>
internal static class SpecWriter
{
    /// <summary>The field a written spec.json describes its run in; not a spec field, so reading a spec skips it.</summary>
    public const string MetaField = "meta";

    /// <summary>The spec; with <paramref name="meta"/>, a last "meta" object (version, commit, units, parameters) that <see cref="SpecReader"/> skips.</summary>
    public static string ToJson(IntegrateSpec spec, Output.ResultMetadata? meta = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var field in SpecFields.All)
            {
                JsonFieldWriter.Write(json, field.Json, field.Get(spec));
            }
            if (meta is not null)
            {
                json.WritePropertyName(MetaField);
                meta.Write(json);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
