using System.Globalization;
using System.Text.Json;

using FastAttractors.Cli.Input;

namespace FastAttractors.Cli.Specs;

/// <summary>
/// The one table of spec fields: JSON name, flag, JSON type, how to read it into and out of an <see cref="IntegrateSpec"/>.
/// The reader, the writer and error messages all use it, so a field cannot be known to one and not the others.
/// </summary>
internal static class SpecFields
{
    internal enum JsonType { String, Integer, Number, NumberList, IntegerList }

    internal sealed record Field(string Json, JsonType Type, Func<IntegrateSpec, object?> Get, Func<IntegrateSpec, object, IntegrateSpec> Set)
    {
        /// <summary>The flag that sets the same field.</summary>
        public string Flag => "--" + Json.Replace('_', '-');

        /// <summary>How errors name the field: both spellings, so a message fits a spec file and flags alike.</summary>
        public string Label => $"{Json} ({Flag})";
    }

    public static IReadOnlyList<Field> All { get; } =
    [
        new("model", JsonType.String, s => s.Model, (s, v) => s with { Model = (string)v }),
        new("kind", JsonType.String, s => s.Kind, (s, v) => s with { Kind = (string)v }),
        new("n", JsonType.Integer, s => s.N, (s, v) => s with { N = ToInt(v) }),
        new("members", JsonType.Integer, s => s.Members, (s, v) => s with { Members = ToInt(v) }),
        new("g", JsonType.Number, s => s.G, (s, v) => s with { G = (double)v }),
        new("g_end", JsonType.Number, s => s.GEnd, (s, v) => s with { GEnd = (double)v }),
        new("connectivity", JsonType.Number, s => s.Connectivity, (s, v) => s with { Connectivity = (double)v }),
        new("weights", JsonType.String, s => s.Weights, (s, v) => s with { Weights = (string)v }),
        new("alpha", JsonType.Number, s => s.Alpha, (s, v) => s with { Alpha = (double)v }),
        new("theta", JsonType.Number, s => s.Theta, (s, v) => s with { Theta = (double)v }),
        new("pta_scan", JsonType.String, s => s.PtaScan, (s, v) => s with { PtaScan = (string)v }),
        new("pta_tolerance", JsonType.Number, s => s.PtaTolerance, (s, v) => s with { PtaTolerance = (double)v }),
        new("sigma", JsonType.Number, s => s.Sigma, (s, v) => s with { Sigma = (double)v }),
        new("rho", JsonType.Number, s => s.Rho, (s, v) => s with { Rho = (double)v }),
        new("beta", JsonType.Number, s => s.Beta, (s, v) => s with { Beta = (double)v }),
        new("rossler_a", JsonType.Number, s => s.RosslerA, (s, v) => s with { RosslerA = (double)v }),
        new("rossler_b", JsonType.Number, s => s.RosslerB, (s, v) => s with { RosslerB = (double)v }),
        new("rossler_c", JsonType.Number, s => s.RosslerC, (s, v) => s with { RosslerC = (double)v }),
        new("dt", JsonType.Number, s => s.Dt, (s, v) => s with { Dt = (double)v }),
        new("method", JsonType.String, s => s.Method, (s, v) => s with { Method = (string)v }),
        new("steps", JsonType.Integer, s => s.Steps, (s, v) => s with { Steps = (long)v }),
        new("record_every", JsonType.Integer, s => s.RecordEvery, (s, v) => s with { RecordEvery = ToInt(v) }),
        new("precision", JsonType.String, s => s.Precision, (s, v) => s with { Precision = (string)v }),
        new("seed", JsonType.Integer, s => s.Seed, (s, v) => s with { Seed = (long)v }),
        new("x0_std", JsonType.Number, s => s.X0Std, (s, v) => s with { X0Std = (double)v }),
        new("backend", JsonType.String, s => s.Backend, (s, v) => s with { Backend = (string)v }),
        new("chunk_members", JsonType.Integer, s => s.ChunkMembers, (s, v) => s with { ChunkMembers = ToInt(v) }),
        new("transient", JsonType.Number, s => s.Transient, (s, v) => s with { Transient = (double)v }),
        new("duration", JsonType.Number, s => s.Duration, (s, v) => s with { Duration = (double)v }),
        new("every", JsonType.Integer, s => s.Every, (s, v) => s with { Every = ToInt(v) }),
        new("exponents", JsonType.Integer, s => s.Exponents, (s, v) => s with { Exponents = ToInt(v) }),
        new("blocks", JsonType.Integer, s => s.Blocks, (s, v) => s with { Blocks = ToInt(v) }),
        new("tolerance", JsonType.Number, s => s.Tolerance, (s, v) => s with { Tolerance = (double)v }),
        new("checkpoint", JsonType.Integer, s => s.Checkpoint, (s, v) => s with { Checkpoint = ToInt(v) }),
        new("norm_every", JsonType.Integer, s => s.NormEvery, (s, v) => s with { NormEvery = ToInt(v) }),
        new("target", JsonType.NumberList, s => s.Target, (s, v) => s with { Target = (double[])v }),
        new("loss_steps", JsonType.IntegerList, s => s.LossSteps, (s, v) => s with { LossSteps = (long[])v }),
    ];

    public static Field Named(string json) => All.First(f => f.Json == json);

    public static string ValidNames => string.Join(", ", All.Select(f => f.Json));

    /// <summary>Reads one JSON value of the field's type; the error names the field and the offending value.</summary>
    public static object Read(Field field, JsonElement value, string source)
    {
        switch (field.Type)
        {
            case JsonType.String when value.ValueKind == JsonValueKind.String:
                return value.GetString()!;
            case JsonType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long integer):
                return integer;
            case JsonType.Number when value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number):
                return number;
            // A list field takes one value or an array of them, so "target": 0 and "target": [0, 1, 0] both read.
            case JsonType.NumberList when value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double one):
                return new[] { one };
            case JsonType.NumberList when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                                          && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out _)):
                return value.EnumerateArray().Select(e => e.GetDouble()).ToArray();
            case JsonType.IntegerList when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long single):
                return new[] { single };
            case JsonType.IntegerList when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                                           && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out _)):
                return value.EnumerateArray().Select(e => e.GetInt64()).ToArray();
            default:
                string expected = field.Type switch
                {
                    JsonType.String => "a string",
                    JsonType.Integer => "an integer",
                    JsonType.NumberList => "a number or a non-empty array of numbers",
                    JsonType.IntegerList => "an integer or a non-empty array of integers",
                    _ => "a number",
                };
                throw new UsageException($"{source}: field '{field.Json}' must be {expected}, got {Excerpt.Of(value.GetRawText())}.");
        }
    }

    /// <summary>JSON integers are read as long; int fields reject values that do not fit rather than wrapping.</summary>
    private static int ToInt(object value)
    {
        long v = (long)value;
        return v is >= int.MinValue and <= int.MaxValue
            ? (int)v
            : throw new UsageException($"value {v.ToString(CultureInfo.InvariantCulture)} does not fit a 32-bit integer.");
    }
}
