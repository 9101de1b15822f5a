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
                WriteArray(json, name, numbers, json.WriteNumberValue);
                break;
            case long[] integers:
                WriteArray(json, name, integers, json.WriteNumberValue);
                break;
            default:
                throw new InvalidOperationException($"spec field '{name}' has a type the writer does not know: {value.GetType().Name}.");
        }
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, T[] values, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
            write(v);
        json.WriteEndArray();
    }
}
