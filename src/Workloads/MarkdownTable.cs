using System.Text;

namespace FastAttractors.Bench;

/// <summary>
/// A GitHub markdown table with padded columns, so the same text reads well in a terminal and renders on the web;
/// shared by the peer comparison runner (bench/) and `fastattractors bench`.
/// </summary>
public static class MarkdownTable
{
    /// <summary>Row 0 is the header; every row has the header's number of cells.</summary>
    public static string Render(IReadOnlyList<string[]> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0)
            throw new ArgumentException("cells: a table needs at least its header row.", nameof(cells));
        int columns = cells[0].Length;
        if (cells.FirstOrDefault(r => r.Length != columns) is { } bad)
            throw new ArgumentException($"cells: every row needs {columns} cells, one has {bad.Length}.", nameof(cells));
        int[] widths = Enumerable.Range(0, columns).Select(c => cells.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        for (int r = 0; r < cells.Count; r++)
        {
            sb.Append('|');
            for (int c = 0; c < columns; c++)
                sb.Append(' ').Append(cells[r][c].PadRight(widths[c])).Append(" |");
            sb.AppendLine();
            if (r == 0)
                sb.Append('|').AppendJoin("", widths.Select(w => new string('-', w + 2) + "|")).AppendLine();
        }
        return sb.ToString();
    }
}
