using System.Globalization;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// The scalar fields of a scan spec: JSON name, flag, type, range check, and how to read and set them. One table
/// serves the file reader, the writer and the flag checks, so a file and the flags accept exactly the same values.
/// </summary>
internal static class ScanFields
{
    public enum Type { Integer, Number, Text }

    public sealed record Field(string Json, string Flag, Type Kind, Func<object, string?> Check, Func<ScanSpec, object?> Get, Func<ScanSpec, object, ScanSpec> Set);

    public static readonly string[] Families = [.. ScanFamilies.Names];

    public static readonly IReadOnlyList<Field> All =
    [
        new("family", "--family", Type.Text, v => OneOf(v, Families), s => s.Family, (s, v) => s with { Family = (string)v }),
        new("n", "--n", Type.Integer, v => AtLeast(v, 1), s => s.N, (s, v) => s with { N = Int(v) }),
        new("connectivity", "--connectivity", Type.Number, v => (double)v is > 0 and <= 1 ? null : $"must be in (0, 1], got {Show(v)}", s => s.Connectivity, (s, v) => s with { Connectivity = (double)v }),
        new("members", "--members", Type.Integer, v => AtLeast(v, 1), s => s.Members, (s, v) => s with { Members = Int(v) }),
        new("seed", "--seed", Type.Integer, v => (long)v >= 0 ? null : $"must be non-negative, got {v}", s => s.Seed, (s, v) => s with { Seed = (long)v }),
        new("x0_std", "--x0-std", Type.Number, v => (double)v >= 0 ? null : $"must be non-negative, got {Show(v)}", s => s.X0Std, (s, v) => s with { X0Std = (double)v }),
        new("dt", "--dt", Type.Number, Positive, s => s.Dt, (s, v) => s with { Dt = (double)v }),
        new("transient", "--transient", Type.Number, v => (double)v >= 0 ? null : $"must be non-negative, got {Show(v)}", s => s.Transient, (s, v) => s with { Transient = (double)v }),
        new("duration", "--duration", Type.Number, Positive, s => s.Duration, (s, v) => s with { Duration = (double)v }),
        new("every", "--every", Type.Integer, v => AtLeast(v, 1), s => s.Every, (s, v) => s with { Every = Int(v) }),
        new("exponents", "--exponents", Type.Integer, v => AtLeast(v, 1), s => s.Exponents, (s, v) => s with { Exponents = Int(v) }),
        new("blocks", "--blocks", Type.Integer, v => AtLeast(v, 10), s => s.Blocks, (s, v) => s with { Blocks = Int(v) }),
        new("tolerance", "--tolerance", Type.Number, Positive, s => s.Tolerance, (s, v) => s with { Tolerance = (double)v }),
        new("precision", "--precision", Type.Text, v => OneOf(v, ["float32", "float64"]), s => s.Precision, (s, v) => s with { Precision = (string)v }),
        new("backend", "--backend", Type.Text, v => Enum.TryParse<Backend>((string)v, true, out _) && !int.TryParse((string)v, out _) ? null : $"unknown backend '{Input.Excerpt.Of((string)v)}' (valid: {string.Join(", ", BackendNames.Valid)})", s => s.Backend, (s, v) => s with { Backend = (string)v }),
        new("chunk", "--chunk", Type.Integer, v => AtLeast(v, 1), s => s.Chunk, (s, v) => s with { Chunk = Int(v) }),
    ];

    /// <summary>Every JSON field name, axes included, for "valid fields" messages.</summary>
    public static string ValidNames => string.Join(", ", All.Select(f => f.Json).Append("axes"));

    /// <summary>Checks every field that flags set; throws naming the flag and the value.</summary>
    public static void CheckFlags(ScanSpec flags)
    {
        foreach (var field in All)
        {
            if (field.Get(flags) is not { } value)
                continue;
            // A flag parses 1e999 as ∞ (a spec file's reader refuses it as not finite); refuse it here as well, naming the flag.
            if (field.Kind == Type.Number && !double.IsFinite((double)value))
                throw new UsageException($"{field.Flag}: must be a finite number, got {Show(value)}.");
            if (field.Check(value) is { } problem)
                throw new UsageException($"{field.Flag}: {problem}.");
        }
    }

    private static int Int(object v) => checked((int)(long)v);

    private static string? AtLeast(object v, long min)
    {
        long value = v is int i ? i : (long)v;
        return value < min ? $"must be at least {min}, got {value}" : value > int.MaxValue ? $"must be at most {int.MaxValue}, got {value}" : null;
    }

    private static string? Positive(object v) => (double)v > 0 ? null : $"must be positive, got {Show(v)}";

    private static string? OneOf(object v, string[] valid) =>
        valid.Contains((string)v) ? null : $"unknown value '{Input.Excerpt.Of((string)v)}' (valid: {string.Join(", ", valid)})";

    private static string Show(object v) => Input.Excerpt.Of(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
}
