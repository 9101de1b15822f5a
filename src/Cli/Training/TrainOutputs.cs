using System.Globalization;
using FastAttractors.Cli.Output;
using FastAttractors.Training;
using Parquet;
using Parquet.Schema;

namespace FastAttractors.Cli.Training;

/// <summary>
/// The files of one <c>train</c> run, each written atomically: train.parquet (one row per evaluation; provenance and
/// the spectra in its key–value metadata), loss.png, spectrum.csv (exponent i before and after training) and
/// checkpoint.npz (W, U, b, C, d and the step; rewritten at every evaluation, so it is always the last good state).
/// </summary>
internal static class TrainOutputs
{
    public static readonly string[] Columns = ["step", "epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "grad_norm", "seconds"];

    public static string WriteLog(string directory, IReadOnlyList<RnnEvaluation> rows, IReadOnlyDictionary<string, string> metadata)
    {
        string path = Path.Combine(directory, "train.parquet");
        AtomicFile.Write(path, s => WriteAsync(s, rows, metadata).GetAwaiter().GetResult());
        return path;
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<RnnEvaluation> rows, IReadOnlyDictionary<string, string> metadata)
    {
        var fields = Columns.Select(c => c == "step" ? (DataField)new DataField<long>(c) : new DataField<double>(c)).ToArray();
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        writer.CustomMetadata = metadata.ToDictionary();
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>((DataField<long>)fields[0], rows.Select(r => r.Step).ToArray());
        Func<RnnEvaluation, double>[] values = [r => r.Epoch, r => r.TrainLoss, r => r.TrainAccuracy, r => r.TestLoss, r => r.TestAccuracy, r => r.GradientNorm, r => r.Seconds];
        for (int c = 0; c < values.Length; c++)
            await group.WriteAsync<double>((DataField<double>)fields[c + 1], rows.Select(values[c]).ToArray());
    }

    public static string WriteCheckpoint(string directory, RnnParameters parameters, long step, ResultMetadata meta)
    {
        string path = Path.Combine(directory, "checkpoint.npz");
        var s = parameters.Shape;
        var npz = new NpzWriter()
            .Add("W", parameters.W.ToArray(), s.Hidden, s.Hidden).Add("U", parameters.U.ToArray(), s.Hidden, s.Inputs).Add("b", parameters.B.ToArray(), s.Hidden)
            .Add("C", parameters.C.ToArray(), s.Outputs, s.Hidden).Add("d", parameters.D.ToArray(), s.Outputs).Add("step", [step], 1);
        meta.AddTo(npz, members: 1);
        npz.Save(path);
        return path;
    }

    public static string WriteSpectra(string directory, double[] before, double[] after)
    {
        string path = Path.Combine(directory, "spectrum.csv");
        var lines = new List<string> { "index,before,after" };
        for (int i = 0; i < Math.Max(before.Length, after.Length); i++)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1},{(i < before.Length ? before[i] : double.NaN):R},{(i < after.Length ? after[i] : double.NaN):R}"));
        AtomicFile.WriteText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    public static string WritePlot(string directory, IReadOnlyList<RnnEvaluation> rows, string title, bool crossEntropy)
    {
        string path = Path.Combine(directory, "loss.png");
        byte[] png = LossCurvePlot.Render([("train", rows.Where(r => double.IsFinite(r.TrainLoss)).Select(r => (r.Step, r.TrainLoss)).ToArray()),
            ("test", rows.Select(r => (r.Step, r.TestLoss)).ToArray())], title, crossEntropy ? "cross-entropy" : "squared error");
        AtomicFile.Write(path, s => s.Write(png));
        return path;
    }
}
