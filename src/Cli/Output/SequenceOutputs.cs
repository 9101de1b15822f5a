using FastAttractors.Cli.Sequence;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The files of one sequence run, each written atomically: &lt;command&gt;.parquet and its PNGs: frames.png (train,
/// recall: stored vs recalled frames of network 0), capacity-length.png and capacity-hidden.png (capacity), noise.png.
/// </summary>
internal static class SequenceOutputs
{
    public static IReadOnlyList<string> Write(string directory, string command, IReadOnlyList<SequenceRow> rows, IReadOnlyDictionary<string, string> provenance,
        SequenceSettings settings, (BinarySequence[] Sequences, TrainingResult Trained)? last)
    {
        var paths = new List<string>();
        void Save(string file, byte[] png)
        {
            string path = Path.Combine(directory, file);
            AtomicFile.Write(path, s => s.Write(png));
            paths.Add(path);
        }
        try
        {
            string parquet = Path.Combine(directory, $"{command}.parquet");
            SequenceParquet.Write(parquet, rows, provenance);
            paths.Add(parquet);
            string about = $"N = {settings.VisibleOrDefault}, {SequenceRunner.DataName(settings.Data)}, k = {settings.Flipped}, {settings.Networks} networks × {settings.Trials} trials";
            switch (command)
            {
                case "capacity":
                    if (rows.Any(r => r.Sweep == "length"))
                        Save("capacity-length.png", SuccessRatePlot.Render(rows.Where(r => r.Sweep == "length"), r => r.Length, "T (patterns)",
                            $"Capacity over T at M = {settings.Hidden}; {about}"));
                    if (rows.Any(r => r.Sweep == "hidden"))
                        Save("capacity-hidden.png", SuccessRatePlot.Render(rows.Where(r => r.Sweep == "hidden"), r => r.Hidden, "M (hidden neurons)",
                            $"Capacity over M at T = {settings.Length}; {about}"));
                    break;
                case "noise":
                    Save("noise.png", SuccessRatePlot.Render(rows, r => r.Flipped, "flipped bits k",
                        $"Recall over noise: T = {settings.Length}, M = {settings.Hidden}, N = {settings.VisibleOrDefault}, {settings.Networks} networks × {settings.Trials} trials"));
                    break;
                default:
                    var (sequences, trained) = last!.Value;
                    var recall = settings.Recall(settings.Flipped);
                    var states = RecalledFrames.Trajectory(trained, 0, recall, Math.Min(FramesPlot.MaxColumns, sequences[0].Length) - 1);
                    Save("frames.png", FramesPlot.Render(sequences[0], states,
                        $"{SequenceNames.Of(trained.Variant)}, network 0: stored (top) and recalled from {settings.Flipped} flipped bits (bottom)"));
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--out: writing results to '{directory}' failed: {e.Message}", e);
        }
        return paths;
    }
}
