using System.Text.Json;

namespace FastAttractors.Cli.Specs;

/// <summary>
/// Writes one spec field by its runtime type, shared by every spec writer so that all resolved specs (integrate,
/// lyapunov, adjoint, scan) format numbers the same way: doubles in their shortest round-trip form, so a written spec
/// reproduces the run and hashes to the same text. Unset (null) fields are left out.
/// </summary>
internal static class JsonFieldWriter
{
    public static void Write(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                json.WriteString(name, s);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case double d:
                json.WriteNumber(name, d);
                break;
            case double[] numbers:
                json.WriteStartArray(name);
                foreach (double v in numbers)
                    json.WriteNumberValue(v);
                json.WriteEndArray();
                break;
            case long[] integers:
                json.WriteStartArray(name);
                foreach (long v in integers)
                    json.WriteNumberValue(v);
                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"spec field '{name}' has a type the writer does not know: {value.GetType().Name}.");
        }
    }
}
