using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The three files of an integrate, lyapunov or adjoint run, each written atomically: NAME.npz (the arrays, with the
/// run's metadata), spec.json (the spec as it ran, with the same metadata) and NAME.png.
/// </summary>
internal static class SpecRunFiles
{
    /// <summary>
    /// Adds <paramref name="meta"/> to <paramref name="npz"/> and writes the files; the plot is rendered only once the
    /// arrays are saved. Returns their paths in that order.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, string npzName, string pngName, NpzWriter npz, IntegrateSpec used,
        ResultMetadata meta, int members, Func<byte[]> renderPng)
    {
        meta.AddTo(npz, members);
        var paths = new[] { Path.Combine(directory, npzName), Path.Combine(directory, "spec.json"), Path.Combine(directory, pngName) };
        try
        {
            npz.Save(paths[0]);
            AtomicFile.WriteText(paths[1], SpecWriter.ToJson(used, meta));
            var png = renderPng();
            AtomicFile.Write(paths[2], s => s.Write(png));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--out: writing results to '{directory}' failed: {e.Message}", e);
        }
        return paths;
    }

    /// <summary>Member <paramref name="k"/> of <paramref name="count"/> spread evenly over the ensemble, first and last included.</summary>
    public static int Spread(int k, int count, int members) => count == 1 ? 0 : (int)((long)k * (members - 1) / (count - 1));
}
