using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FastAttractors.Cli.Output;

/// <summary>
/// What makes a result file self-describing: the command, engine version and commit, backend and precision, the unit
/// of each quantity, and the parameters of the members (one value per member, or one shared by all). The same content
/// goes into each format: Parquet key–value metadata under "fastattractors.*" keys, npz arrays "param_NAME" (one value
/// per member) beside a 0-d string array "meta_json", and a "meta" object in JSON. Nothing here depends on time, so
/// two identical runs write identical metadata.
/// </summary>
internal sealed class ResultMetadata(string command, string backend, string precision, string timeUnit)
{
    public const string Prefix = "fastattractors.";
    public const string FlowTime = "model time units";
    public const string FlowRate = "1/time unit";
    public const string MapTime = "iterations";
    public const string MapRate = "1/iteration";
    public const string StateUnit = "model state units";

    private readonly SortedDictionary<string, string> units = new(StringComparer.Ordinal);
    private readonly List<(string Name, Array Values, bool PerMember)> parameters = [];
    private readonly SortedDictionary<string, string> settings = new(StringComparer.Ordinal);

    public string Command => command;

    /// <summary>The unit of a column or array (e.g. "exponents" → "1/time unit").</summary>
    public ResultMetadata Unit(string column, string unit)
    {
        units[column] = unit;
        return this;
    }

    /// <summary>A parameter with one value per member.</summary>
    public ResultMetadata PerMember(string name, double[] values)
    {
        parameters.Add((name, values, true));
        return this;
    }

    /// <summary>An integer parameter with one value per member (kept exact: int64 in npz).</summary>
    public ResultMetadata PerMember(string name, long[] values)
    {
        parameters.Add((name, values, true));
        return this;
    }

    /// <summary>A parameter every member shares.</summary>
    public ResultMetadata Shared(string name, double value)
    {
        parameters.Add((name, new[] { value }, false));
        return this;
    }

    /// <summary>An integer parameter every member shares (a seed, a dimension: kept exact).</summary>
    public ResultMetadata Shared(string name, long value)
    {
        parameters.Add((name, new[] { value }, false));
        return this;
    }

    /// <summary>A non-numeric setting (model name, weight kind, method, data source).</summary>
    public ResultMetadata Setting(string name, string value)
    {
        settings[name] = value;
        return this;
    }

    /// <summary>Parquet key–value metadata: fastattractors.version, .commit, .backend, .precision, .units.COLUMN, .param.NAME, ….</summary>
    public Dictionary<string, string> ParquetKeys()
    {
        var keys = new Dictionary<string, string>
        {
            [Prefix + "version"] = BuildInfo.Version,
            [Prefix + "commit"] = BuildInfo.Commit,
            [Prefix + "command"] = command,
            [Prefix + "backend"] = backend,
            [Prefix + "precision"] = precision,
            [Prefix + "units.time"] = timeUnit,
            [Prefix + "meta_json"] = Json(),
        };
        foreach (var (column, unit) in units)
            keys[Prefix + "units." + column] = unit;
        foreach (var (name, values, perMember) in parameters)
        {
            var items = values.Cast<object>().Select(Number).ToArray();
            keys[Prefix + "param." + name] = perMember ? JsonSerializer.Serialize(items) : JsonSerializer.Serialize(items[0]);
        }
        foreach (var (name, value) in settings)
            keys[Prefix + "setting." + name] = value;
        return keys;
    }

    /// <summary><paramref name="existing"/> (kept as it is) with <see cref="ParquetKeys"/> added where they do not clash.</summary>
    public Dictionary<string, string> AddTo(IReadOnlyDictionary<string, string> existing)
    {
        var all = existing.ToDictionary();
        foreach (var (key, value) in ParquetKeys())
            all.TryAdd(key, value);
        return all;
    }

    /// <summary>Adds param_NAME (members,) float64 per parameter (shared ones repeated) and meta_json, a 0-d string array.</summary>
    public NpzWriter AddTo(NpzWriter npz, int members)
    {
        foreach (var (name, values, perMember) in parameters)
        {
            switch (values)
            {
                case double[] d:
                    var reals = perMember ? d : Enumerable.Repeat(d[0], members).ToArray();
                    npz.Add("param_" + name, reals, reals.Length);
                    break;
                case long[] l:
                    var integers = perMember ? l : Enumerable.Repeat(l[0], members).ToArray();
                    npz.Add("param_" + name, integers, integers.Length);
                    break;
            }
        }
        return npz.AddText("meta_json", Json());
    }

    /// <summary>The metadata as one JSON object (the "meta" object of JSON results, meta_json in npz and Parquet).</summary>
    public string Json()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            Write(json);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the metadata as a JSON object at the writer's position.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("version", BuildInfo.Version);
        json.WriteString("commit", BuildInfo.Commit);
        json.WriteString("command", command);
        json.WriteString("backend", backend);
        json.WriteString("precision", precision);
        json.WriteStartObject("units");
        json.WriteString("time", timeUnit);
        foreach (var (column, unit) in units)
            json.WriteString(column, unit);
        json.WriteEndObject();
        json.WriteStartObject("parameters");
        foreach (var (name, values, perMember) in parameters)
        {
            if (!perMember)
            {
                WriteNumber(json, name, values.GetValue(0)!);
                continue;
            }
            json.WriteStartArray(name);
            foreach (var v in values)
                WriteNumber(json, null, v);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartObject("settings");
        foreach (var (name, value) in settings)
            json.WriteString(name, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // JSON has no NaN or infinity: such a value is written as its name, a string.
    private static object Number(object v) => v is double d && !double.IsFinite(d) ? d.ToString(CultureInfo.InvariantCulture) : v;

    private static void WriteNumber(Utf8JsonWriter json, string? name, object v)
    {
        if (name is not null)
            json.WritePropertyName(name);
        switch (v)
        {
            case long l: json.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            default: json.WriteStringValue(((double)v).ToString(CultureInfo.InvariantCulture)); break;
        }
    }
}
