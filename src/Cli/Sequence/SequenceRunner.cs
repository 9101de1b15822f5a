using System.Diagnostics;

namespace FastAttractors.Cli.Sequence;

/// <summary>
/// Runs points through the engine: per point one set of B sequences, shared by every variant so the variants are
/// compared on the same data; per variant one training, then one recall per flipped-bit count.
/// </summary>
internal sealed class SequenceRunner(Engine engine, SequenceSettings settings, TextWriter log)
{
    private readonly Lazy<MnistDigits> digits = SequenceSource.Digits();

    /// <summary>The last point's sequences and trained networks, for the frames plot.</summary>
    public (BinarySequence[] Sequences, TrainingResult Trained)? Last { get; private set; }

    public List<SequenceRow> Run(IReadOnlyList<SequencePoint> points)
    {
        var rows = new List<SequenceRow>();
        foreach (var point in points)
        {
            var (batch, sequences) = SequenceSource.Build(settings, point.Length, digits);
            foreach (var variant in settings.Variants)
            {
                var clock = Stopwatch.StartNew();
                var trained = engine.TrainSequences(batch, settings.Training(variant, point.Hidden));
                double seconds = clock.Elapsed.TotalSeconds;
                foreach (int k in point.Flips)
                {
                    var recalled = engine.Recall(trained, settings.Recall(k));
                    rows.AddRange(Rows(point, variant, trained, recalled, k, seconds));
                    log.WriteLine($"{point.Sweep} T={point.Length} M={point.Hidden} k={k} {SequenceNames.Of(variant)}: "
                        + $"success {recalled.OverallSuccessRate():P0}, converged {trained.Converged.Count(c => c)}/{trained.Networks}, {seconds:0.00} s");
                }
                if (variant == settings.Variants[0])
                    Last = (sequences, trained);
            }
        }
        return rows;
    }

    private IEnumerable<SequenceRow> Rows(SequencePoint point, NetworkVariant variant, TrainingResult trained, RecallResult recalled, int k, double seconds)
    {
        for (int b = 0; b < trained.Networks; b++)
        {
            int hits = 0;
            for (int r = 0; r < recalled.Trials; r++)
                hits += recalled.Success[b * recalled.Trials + r] ? 1 : 0;
            yield return new SequenceRow(point.Sweep, point.Index, SequenceNames.Of(variant), DataName(settings.Data), b,
                trained.Visible, point.Hidden, trained.Hidden, point.Length, k, recalled.Trials, hits,
                trained.Epochs[b], trained.Converged[b], trained.MinHiddenMargin[b], trained.MinVisibleMargin[b],
                settings.Kappa, settings.Eta, settings.MaxEpochs, SequenceNames.Of(settings.Schedule), SequenceNames.Of(settings.HiddenCode),
                SequenceNames.Of(settings.Criterion), (long)settings.Seed, trained.Backend.ToString(), seconds);
        }
    }

    public static string DataName(SequenceDataKind data) => data switch
    {
        SequenceDataKind.MovingMnist => "moving-mnist",
        SequenceDataKind.Walker => "walker",
        _ => "random",
    };
}
