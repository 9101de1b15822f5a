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
                switch (field.Get(spec))
                {
                    case null:
                        break;
                    case string s:
                        json.WriteString(field.Json, s);
                        break;
                    case int i:
                        json.WriteNumber(field.Json, i);
                        break;
                    case long l:
                        json.WriteNumber(field.Json, l);
                        break;
                    case double d:
                        json.WriteNumber(field.Json, d); // shortest round-trip form, so a written spec reproduces the run
                        break;
                    case double[] numbers:
                        json.WriteStartArray(field.Json);
                        foreach (double v in numbers)
                            json.WriteNumberValue(v);
                        json.WriteEndArray();
                        break;
                    case long[] integers:
                        json.WriteStartArray(field.Json);
                        foreach (long v in integers)
                            json.WriteNumberValue(v);
                        json.WriteEndArray();
                        break;
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
