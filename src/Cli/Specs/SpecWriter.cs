using System.Text;
using System.Text.Json;

namespace FastAttractors.Cli.Specs;

/// <summary>Writes a spec as indented JSON in the field order of <see cref="SpecFields"/>, leaving out unset fields.</summary>
internal static class SpecWriter
{
    public static string ToJson(IntegrateSpec spec)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var field in SpecFields.All)
            {
                JsonFieldWriter.Write(json, field.Json, field.Get(spec));
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
