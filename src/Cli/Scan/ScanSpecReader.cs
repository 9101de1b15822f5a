using System.Reflection;
using System.Text.Json;
using FastAttractors.Cli.Input;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Reads a scan spec file strictly: a JSON object, every field known, of the right type, given once, in range.
/// Every error names the source and the line of the offending value ("scan.json line 7: axis 'alpha': …").
/// </summary>
internal static class ScanSpecReader
{
    private const string DefaultResource = "FastAttractors.Cli.default-scan.json";

    /// <summary>The embedded default: the rotation-block flow scan (Fig. 5A) at a laptop size.</summary>
    public static string DefaultJson
    {
        get
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResource)
                ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing from the build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static ScanSpec ReadDefault() => Parse(DefaultJson, "embedded default scan spec");

    public static ScanSpec ReadFile(string path)
    {
        string json = BoundedText.Read(path, "--spec");
        return Parse(json, Excerpt.Of(Path.GetFileName(path)));
    }

    public static ScanSpec Parse(string json, string source)
    {
        var root = LineJson.Parse(json, source);
        if (root.Kind != JsonValueKind.Object)
            throw new UsageException($"{source} line {root.Line}: the spec must be a JSON object, got {root.Shown}.");
        var spec = new ScanSpec();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, line, value) in root.Properties)
        {
            string at = $"{source} line {line}";
            if (!seen.Add(name))
                throw new UsageException($"{at}: field '{Excerpt.Of(name)}' is given twice.");
            if (name == "axes")
            {
                spec = spec with { Axes = ReadAxes(value, source) };
                continue;
            }
            var field = ScanFields.All.FirstOrDefault(f => f.Json == name)
                ?? throw new UsageException($"{at}: unknown field '{Excerpt.Of(name)}' (value {value.Shown}); valid fields: {ScanFields.ValidNames}.");
            if (value.Kind == JsonValueKind.Null)
                continue;
            object typed = field.Kind switch
            {
                ScanFields.Type.Integer when value.Kind == JsonValueKind.Number && value.IsInteger => value.Integer,
                ScanFields.Type.Number when value.Kind == JsonValueKind.Number && double.IsFinite(value.Number) => value.Number,
                ScanFields.Type.Text when value.Kind == JsonValueKind.String => value.Text!,
                _ => throw new UsageException($"{at}: field '{name}' must be {Describe(field.Kind)}, got {value.Shown}."),
            };
            if (field.Check(typed) is { } problem)
                throw new UsageException($"{at}: field '{name}' {problem}.");
            spec = field.Set(spec, typed);
        }
        if (spec.Family is { } family && spec.Axes is not null)
        {
            // The axis names a family accepts; checked here too so a file's error points at the axis's line.
            foreach (var (name, line, _) in root.Properties.Single(p => p.Name == "axes").Value.Properties)
            {
                if (ScanFamilies.Parse(family) is { } known && ScanFamilies.AxisProblem(known, name) is { } problem)
                    throw new UsageException($"{source} line {line}: axis '{name}': {problem}.");
            }
        }
        return spec;
    }

    private static List<ScanAxis> ReadAxes(LineJson value, string source)
    {
        if (value.Kind != JsonValueKind.Object)
            throw new UsageException($"{source} line {value.Line}: field 'axes' must be an object of NAME: {{\"linspace\": [start, stop, count]}} "
                + $"| {{\"logspace\": [start, stop, count]}} | {{\"list\": [values]}}, got {value.Shown}.");
        var axes = new List<ScanAxis>();
        foreach (var (name, line, definition) in value.Properties)
        {
            string at = $"{source} line {line}: axis '{Excerpt.Of(name)}'";
            if (axes.Exists(a => a.Name == name))
                throw new UsageException($"{at}: given twice.");
            if (definition.Kind != JsonValueKind.Object || definition.Properties.Count != 1)
                throw new UsageException($"{at}: must be one of {{\"linspace\": [start, stop, count]}}, {{\"logspace\": [start, stop, count]}}, {{\"list\": [values]}}, got {definition.Shown}.");
            var (kind, kindLine, arguments) = definition.Properties[0];
            at = $"{source} line {kindLine}: axis '{Excerpt.Of(name)}'";
            if (ScanAxisText.KindOf(kind) is not { } axisKind)
                throw new UsageException($"{at}: unknown kind '{Excerpt.Of(kind)}' (valid: {ScanAxisText.ValidKinds}).");
            if (arguments.Kind != JsonValueKind.Array || arguments.Items.Any(i => i.Kind != JsonValueKind.Number))
                throw new UsageException($"{at}: {kind} takes an array of numbers, got {arguments.Shown}.");
            var axis = new ScanAxis(name, axisKind, [.. arguments.Items.Select(i => i.Number)]);
            if (axis.Problem() is { } problem)
                throw new UsageException($"{at}: {problem}.");
            axes.Add(axis);
        }
        if (axes.Count == 0)
            throw new UsageException($"{source} line {value.Line}: field 'axes' has no axis.");
        return axes;
    }

    private static string Describe(ScanFields.Type type) => type switch
    {
        ScanFields.Type.Integer => "a whole number",
        ScanFields.Type.Number => "a finite number",
        _ => "a string",
    };
}
