using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// Stored frames ξ(1), ξ(2), … (top row) above the recalled states (bottom row: the noisy start, then each step), so
/// column t shows what the network should and does hold after t steps. Frames use the sequence's 2-D view.
/// </summary>
internal static class FramesPlot
{
    public const int MaxColumns = 10;
    private const int Gap = 1;

    public static byte[] Render(BinarySequence stored, sbyte[][] recalled, string title)
    {
        int columns = Math.Min(MaxColumns, Math.Min(stored.Length, recalled.Length));
        int h = stored.FrameRows, w = stored.FrameColumns;
        // One image with gap pixels at 0 (mid colour) keeps the frames aligned without a subplot grid.
        var image = new double[2 * h + Gap, columns * (w + Gap) - Gap];
        for (int t = 0; t < columns; t++)
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                {
                    image[r, t * (w + Gap) + c] = stored.Patterns[t * stored.Width + r * w + c];
                    image[h + Gap + r, t * (w + Gap) + c] = recalled[t][r * w + c];
                }
        var plot = new Plot();
        var map = plot.Add.Heatmap(image);
        map.Colormap = new ScottPlot.Colormaps.Grayscale();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title(title);
        int scale = Math.Max(2, 900 / image.GetLength(1));
        return plot.GetImageBytes(Math.Max(600, image.GetLength(1) * scale), Math.Max(260, image.GetLength(0) * scale + 60), ImageFormat.Png);
    }
}
