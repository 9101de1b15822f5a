using System.Text;
using System.Text.Json;

using FastAttractors.Cli.Input;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// A JSON value with the 1-based line it starts on. System.Text.Json's DOM forgets positions, and a scan spec's
/// errors must say where the bad value is ("scan.json line 7: …"), so the spec is read token by token into these.
/// </summary>
internal sealed class LineJson
{
    private LineJson(JsonValueKind kind, int line) => (Kind, Line) = (kind, line);

    public JsonValueKind Kind { get; }
    public int Line { get; }
    public double Number { get; private init; }
    public bool IsInteger { get; private init; }
    public long Integer { get; private init; }
    public string? Text { get; private init; }
    public IReadOnlyList<(string Name, int Line, LineJson Value)> Properties { get; private init; } = [];
    public IReadOnlyList<LineJson> Items { get; private init; } = [];

    /// <summary>The value as written (for error messages), shortened.</summary>
    public string Shown { get; private init; } = "";

    /// <summary>Parses <paramref name="text"/>; malformed JSON is a <see cref="UsageException"/> naming the line.</summary>
    public static LineJson Parse(string text, string source)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                lineStarts.Add(i + 1);
        }
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
                throw new UsageException($"{source}: the file is empty; a scan spec is a JSON object.");
            var root = ReadValue(ref reader, lineStarts);
            if (reader.Read())
                throw new UsageException($"{source} line {LineOf(reader.TokenStartIndex, lineStarts)}: unexpected content after the spec object.");
            return root;
        }
        catch (JsonException e)
        {
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new UsageException($"{source} line {(e.LineNumber ?? 0) + 1}: malformed JSON: {(cut < 0 ? message : message[..cut]).Trim()}");
        }
    }

    private static int LineOf(long offset, List<int> lineStarts)
    {
        int index = lineStarts.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private static LineJson ReadValue(ref Utf8JsonReader reader, List<int> lineStarts)
    {
        int line = LineOf(reader.TokenStartIndex, lineStarts);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var properties = new List<(string, int, LineJson)>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    int nameLine = LineOf(reader.TokenStartIndex, lineStarts);
                    reader.Read();
                    properties.Add((name, nameLine, ReadValue(ref reader, lineStarts)));
                }
                return new LineJson(JsonValueKind.Object, line) { Properties = properties, Shown = "{…}" };
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<LineJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lineStarts));
                string shown = "[" + string.Join(", ", items.Take(8).Select(i => i.Shown)) + (items.Count > 8 ? ", …]" : "]");
                return new LineJson(JsonValueKind.Array, line) { Items = items, Shown = shown.Length <= 60 ? shown : shown[..57] + "..." };
            }
            case JsonTokenType.Number:
            {
                bool integer = reader.TryGetInt64(out long l);
                reader.TryGetDouble(out double d);
                string raw = Encoding.UTF8.GetString(reader.ValueSpan);
                return new LineJson(JsonValueKind.Number, line) { Number = d, IsInteger = integer, Integer = l, Shown = Excerpt.Of(raw) };
            }
            case JsonTokenType.String:
            {
                string s = reader.GetString()!;
                return new LineJson(JsonValueKind.String, line) { Text = s, Shown = "\"" + Excerpt.Of(s, 40) + "\"" };
            }
            case JsonTokenType.True:
                return new LineJson(JsonValueKind.True, line) { Shown = "true" };
            case JsonTokenType.False:
                return new LineJson(JsonValueKind.False, line) { Shown = "false" };
            default:
                return new LineJson(JsonValueKind.Null, line) { Shown = "null" };
        }
    }
}
