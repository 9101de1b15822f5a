using System.Globalization;

namespace FastAttractors.Cli.Sequence;

/// <summary>Parses an inclusive integer range "start:stop:step" (or one value) from a flag, naming the flag on error.</summary>
internal static class SequenceRange
{
    /// <summary>"none" gives no points, so one sweep of a two-sweep command can be skipped (or run elsewhere).</summary>
    public static int[] Parse(string text, string flag)
    {
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
            return [];
        var parts = text.Split(':');
        if (parts.Length is not (1 or 3))
            throw new UsageException($"{flag}: expected start:stop:step, one integer or none, got '{text}'.");
        var numbers = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
                throw new UsageException($"{flag}: '{parts[i]}' in '{text}' is not an integer.");
        if (parts.Length == 1)
            return [numbers[0]];
        var (start, stop, step) = (numbers[0], numbers[1], numbers[2]);
        if (step < 1)
            throw new UsageException($"{flag}: step must be at least 1, got {step} in '{text}'.");
        if (stop < start)
            throw new UsageException($"{flag}: stop {stop} is below start {start} in '{text}'.");
        // Bounded so a typo cannot queue millions of points.
        if ((stop - (long)start) / step + 1 > 10_000)
            throw new UsageException($"{flag}: '{text}' has more than 10000 points.");
        var values = new List<int>();
        for (long v = start; v <= stop; v += step)
            values.Add((int)v);
        return [.. values];
    }
}
