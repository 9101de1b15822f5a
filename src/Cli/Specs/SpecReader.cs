using System.Reflection;
using System.Text.Json;

using FastAttractors.Cli.Input;

namespace FastAttractors.Cli.Specs;

/// <summary>
/// Reads a spec strictly: the root must be an object, every field known, of the right JSON type and given once.
/// Errors name the source, the field and the offending value.
/// </summary>
internal static class SpecReader
{
    private const string DefaultResource = "FastAttractors.Cli.default-integrate.json";
    private const string DefaultLyapunovResource = "FastAttractors.Cli.default-lyapunov.json";
    private const string DefaultAdjointResource = "FastAttractors.Cli.default-adjoint.json";

    /// <summary>The embedded default spec: the project's main job (a gain sweep of tanh networks).</summary>
    public static string DefaultJson => Embedded(DefaultResource);

    /// <summary>The embedded default of <c>lyapunov</c>: the leading exponents over a gain sweep of tanh networks.</summary>
    public static string DefaultLyapunovJson => Embedded(DefaultLyapunovResource);

    public static IntegrateSpec ReadDefault() => Parse(DefaultJson, "embedded default spec");

    public static IntegrateSpec ReadDefaultLyapunov() => Parse(DefaultLyapunovJson, "embedded default lyapunov spec");

    /// <summary>The embedded default of <c>adjoint</c>: adjoint norms over a gain sweep of tanh networks.</summary>
    public static string DefaultAdjointJson => Embedded(DefaultAdjointResource);

    public static IntegrateSpec ReadDefaultAdjoint() => Parse(DefaultAdjointJson, "embedded default adjoint spec");

    private static string Embedded(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IntegrateSpec ReadFile(string path)
    {
        string json = BoundedText.Read(path, "--spec");
        return Parse(json, $"--spec '{Excerpt.Of(path)}'");
    }

    public static IntegrateSpec Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{source}: malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new UsageException($"{source}: the spec must be a JSON object, got {root.ValueKind}: {Excerpt.Of(root.GetRawText())}.");
            var spec = new IntegrateSpec();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name == SpecWriter.MetaField)
                    continue; // what a written spec.json says about its run; rerunning it takes the spec fields only
                var field = SpecFields.All.FirstOrDefault(f => f.Json == property.Name)
                    ?? throw new UsageException(
                        $"{source}: unknown field '{Excerpt.Of(property.Name)}' (value {Excerpt.Of(property.Value.GetRawText())}); valid fields: {SpecFields.ValidNames}.");
                if (!seen.Add(property.Name))
                    throw new UsageException($"{source}: field '{property.Name}' is given twice.");
                if (property.Value.ValueKind == JsonValueKind.Null)
                    continue; // null means "not set", as the writer omits unset fields
                object value = SpecFields.Read(field, property.Value, source);
                try
                {
                    spec = field.Set(spec, value);
                }
                catch (UsageException e)
                {
                    throw new UsageException($"{source}: field '{field.Json}': {e.Message}");
                }
            }
            return spec;
        }
    }


    // System.Text.Json appends "LineNumber: … | BytePositionInLine: …"; the position is already in our message.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
