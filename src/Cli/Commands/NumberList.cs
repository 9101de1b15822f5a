using System.Globalization;

namespace FastAttractors.Cli.Commands;

/// <summary>Comma-separated lists of numbers or names on the command line.</summary>
internal static class NumberList
{
    /// <summary>"0,0.01,0.1" → [0, 0.01, 0.1]; an empty list or a value that is not a number is a usage error naming the flag.</summary>
    public static double[] Parse(string text, string flag)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.All(p => p.Length == 0))
            throw new UsageException($"{flag}: the list is empty; give comma-separated numbers, e.g. 0,0.01,0.1.");
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new UsageException($"{flag}: '{parts[i]}' is not a number.");
        }
        return values;
    }
}
