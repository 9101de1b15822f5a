using System.Globalization;
using System.Text;
using System.Text.Json;
using FastAttractors.Cli.Output;
using FastAttractors.Degeneracy;

namespace FastAttractors.Cli.Degeneracy;

/// <summary>
/// The tables of a degeneracy run, each written atomically with the run's metadata: networks.parquet (one row per
/// network), pairs.parquet (one row per pair of usable networks within a condition, then with --pairs all across two
/// conditions), summary.json (one object per condition under "conditions", per pair of conditions under
/// "cross_conditions" with --pairs all, metadata under "meta") and summary.md (the same as tables).
/// </summary>
internal static class DegeneracyOutputs
{
    public static string WriteNetworks(string directory, DegeneracyStudyResult result, Func<ResultMetadata> newMeta)
    {
        var rows = result.Networks;
        int k = result.Spec.Exponents;
        var columns = new List<(string, Array)>
        {
            ("index", rows.Select(r => r.Index).ToArray()), ("condition", rows.Select(r => r.Condition).ToArray()),
            ("width", rows.Select(r => r.Width).ToArray()), ("regulariser", rows.Select(r => r.Regulariser).ToArray()),
            ("replicate", rows.Select(r => r.Replicate).ToArray()), ("seed", rows.Select(r => r.Seed).ToArray()),
            ("status", rows.Select(r => r.Status.ToString().ToLowerInvariant()).ToArray()), ("failure", rows.Select(r => r.Failure ?? "").ToArray()),
            ("usable", rows.Select(r => r.Usable ? 1 : 0).ToArray()), ("steps", rows.Select(r => r.Steps).ToArray()),
            ("final_test_loss", rows.Select(r => r.FinalTestLoss).ToArray()), ("ood_loss", rows.Select(r => r.OodLoss).ToArray()),
            ("weight_norm", rows.Select(r => r.WeightNorm).ToArray()), ("weight_change", rows.Select(r => r.WeightChange).ToArray()),
            ("fixed_points", rows.Select(r => r.FixedPoints).ToArray()), ("stable_fixed_points", rows.Select(r => r.StableFixedPoints).ToArray()),
            ("saddle_fixed_points", rows.Select(r => r.SaddleFixedPoints).ToArray()), ("slow_points", rows.Select(r => r.SlowPoints).ToArray()),
            ("plane_explained", rows.Select(r => r.PlaneExplained).ToArray()), ("dsa_self", rows.Select(r => r.DsaSelf).ToArray()),
            ("dynamics", rows.Select(r => r.Dynamics).ToArray()),
        };
        for (int i = 0; i < k; i++)
            columns.Add(($"lyapunov_{i + 1}", rows.Select(r => i < r.Exponents.Length ? r.Exponents[i] : double.NaN).ToArray()));
        for (int i = 0; i < result.Spec.DrivenExponents; i++)
            columns.Add(($"lyapunov_driven_{i + 1}", rows.Select(r => i < r.DrivenExponents.Length ? r.DrivenExponents[i] : double.NaN).ToArray()));
        foreach (var (name, get) in new (string, Func<NetworkAnalysis, (double X, double Y)>)[]
                 { ("behaviour", r => r.MdsBehaviour), ("dynamics", r => r.MdsDynamics), ("weights", r => r.MdsWeights), ("representation", r => r.MdsRepresentation) })
        {
            columns.Add(($"mds_{name}_x", rows.Select(r => get(r).X).ToArray()));
            columns.Add(($"mds_{name}_y", rows.Select(r => get(r).Y).ToArray()));
        }
        string path = Path.Combine(directory, "networks.parquet");
        ColumnsParquet.Write(path, columns, newMeta().Setting("table", "networks").Setting("per_member_columns", "width,regulariser,seed").ParquetKeys());
        return path;
    }

    public static string WritePairs(string directory, DegeneracyStudyResult result, Func<ResultMetadata> newMeta)
    {
        var p = result.Pairs;
        string path = Path.Combine(directory, "pairs.parquet");
        ColumnsParquet.Write(path,
        [
            ("condition", p.Select(x => x.Condition).ToArray()), ("first", p.Select(x => x.First).ToArray()), ("second", p.Select(x => x.Second).ToArray()),
            ("behaviour", p.Select(x => x.Behaviour).ToArray()), ("dsa", p.Select(x => x.Dsa).ToArray()), ("weight_frobenius", p.Select(x => x.WeightFrobenius).ToArray()),
            ("weight_per_parameter", p.Select(x => x.WeightPerParameter).ToArray()), ("weight_relative", p.Select(x => x.WeightRelative).ToArray()),
            ("weight_exact", p.Select(x => x.WeightExact ? 1 : 0).ToArray()), ("cka", p.Select(x => x.Cka).ToArray()),
            ("second_condition", p.Select(x => x.SecondCondition).ToArray()), ("dsa_self_max", p.Select(x => x.DsaSelfMax).ToArray()),
        ], newMeta().Setting("table", "pairs").ParquetKeys());
        return path;
    }

    public static string[] WriteSummary(string directory, DegeneracyStudyResult result, Func<ResultMetadata> newMeta)
    {
        string json = Path.Combine(directory, "summary.json");
        AtomicFile.Write(json, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WritePropertyName("meta");
            newMeta().Setting("table", "summary").Write(writer);
            writer.WriteNumber("training_seconds", result.TrainingSeconds);
            writer.WriteNumber("analysis_seconds", result.AnalysisSeconds);
            WriteRows(writer, "conditions", result.Conditions, c =>
            {
                writer.WriteString("condition", c.Condition);
                writer.WriteNumber("width", c.Width);
                writer.WriteString("regulariser", c.Regulariser);
                foreach (var (name, value) in Counts(c))
                    writer.WriteNumber(name, value);
            }, Levels);
            if (result.Spec.Pairs == DegeneracyPairs.All)
            {
                WriteRows(writer, "cross_conditions", result.CrossConditions, c =>
                {
                    writer.WriteString("first_condition", c.FirstCondition);
                    writer.WriteString("second_condition", c.SecondCondition);
                    writer.WriteNumber("pairs", c.Pairs);
                }, Levels);
            }
            writer.WriteEndObject();
        });
        string markdown = Path.Combine(directory, "summary.md");
        AtomicFile.WriteText(markdown, Markdown(result));
        return [json, markdown];
    }

    // One object per row: the row's own fields, then its level statistics.
    private static void WriteRows<T>(Utf8JsonWriter writer, string name, IEnumerable<T> rows, Action<T> fields, Func<T, (string, double)[]> levels)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            fields(row);
            foreach (var (key, value) in levels(row))
                Number(writer, key, value);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
            writer.WriteNumber(name, value);
        else
            writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
    }

    private static (string, double)[] Levels(CrossConditionSummary c) =>
    [
        ("mean_behaviour", c.MeanBehaviour), ("mean_dsa", c.MeanDsa), ("dsa_above_self_fraction", c.DsaAboveSelf),
        ("mean_weight_relative", c.MeanWeightRelative), ("mean_one_minus_cka", c.MeanOneMinusCka),
    ];

    private static (string, int)[] Counts(ConditionSummary c) =>
        [("networks", c.Networks), ("converged", c.Converged), ("completed", c.Completed), ("diverged", c.Diverged), ("failed", c.Failed), ("usable", c.Usable)];

    private static (string, double)[] Levels(ConditionSummary c) =>
    [
        ("final_test_loss_mean", c.MeanFinalTestLoss), ("ood_loss_mean", c.OodLossMean), ("ood_loss_sd", c.OodLossSd), ("mean_dsa", c.MeanDsa),
        ("mean_dsa_self", c.MeanDsaSelf), ("dsa_above_self_fraction", c.DsaAboveSelf),
        ("mean_weight_per_parameter", c.MeanWeightPerParameter), ("mean_weight_relative", c.MeanWeightRelative), ("mean_one_minus_cka", c.MeanOneMinusCka),
        ("mean_fixed_points", c.MeanFixedPoints), ("mean_stable_fixed_points", c.MeanStableFixedPoints),
    ];

    /// <summary>One row per condition: how many trained, the three levels of degeneracy and the fixed-point counts.</summary>
    public static string Markdown(DegeneracyStudyResult result)
    {
        static string F(double v) => double.IsFinite(v) ? v.ToString("0.000e+0", CultureInfo.InvariantCulture) : "–";
        static string G(double v) => double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
        static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        var s = result.Spec;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Degeneracy: {s.Task.Name} (T = {s.Task.Train.Steps}, OOD T = {s.Task.OutOfDistribution.Steps}), {s.Networks} networks per condition");
        text.AppendLine();
        AppendTable(text,
            ["condition", "converged / usable / diverged", "test loss", "OOD loss mean", "behaviour: OOD loss sd", "dynamics: mean DSA",
                "DSA self (noise floor)", "pairs with DSA > self", "weights: mean relative distance", "weights: mean distance / n²",
                "representations: mean 1 − CKA", "fixed points (stable)"],
            result.Conditions.Select(c => new[]
            {
                c.Condition, $"{I(c.Converged)} / {I(c.Usable)} / {I(c.Diverged)}", F(c.MeanFinalTestLoss), F(c.OodLossMean), F(c.OodLossSd),
                F(c.MeanDsa), F(c.MeanDsaSelf), G(c.DsaAboveSelf), F(c.MeanWeightRelative), F(c.MeanWeightPerParameter), F(c.MeanOneMinusCka),
                $"{G(c.MeanFixedPoints)} ({G(c.MeanStableFixedPoints)})",
            }));
        if (result.CrossConditions.Count > 0)
        {
            text.AppendLine("Across conditions (every pair of usable networks, one from each; the weight distance only between equal widths):");
            text.AppendLine();
            AppendTable(text,
                ["conditions", "pairs", "mean \\|Δ OOD loss\\|", "mean DSA", "pairs with DSA > self", "mean relative weight distance", "mean 1 − CKA"],
                result.CrossConditions.Select(c => new[]
                {
                    $"{c.FirstCondition} vs {c.SecondCondition}", I(c.Pairs), F(c.MeanBehaviour), F(c.MeanDsa), G(c.DsaAboveSelf),
                    F(c.MeanWeightRelative), F(c.MeanOneMinusCka),
                }));
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Training {result.TrainingSeconds:0.0} s, analysis {result.AnalysisSeconds:0.0} s.");
        return text.ToString();
    }

    /// <summary>A Markdown table (header, separator, one line per row) and the blank line after it.</summary>
    private static void AppendTable(StringBuilder text, string[] columns, IEnumerable<string[]> rows)
    {
        text.Append("| ").AppendJoin(" | ", columns).AppendLine(" |");
        text.Append('|').AppendJoin(string.Empty, Enumerable.Repeat("---|", columns.Length)).AppendLine();
        foreach (var row in rows)
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        text.AppendLine();
    }
}
