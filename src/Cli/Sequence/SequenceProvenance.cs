using System.Globalization;
using System.Reflection;

namespace FastAttractors.Cli.Sequence;

/// <summary>The key–value metadata stored in each sequence Parquet file: what ran, with which settings, where and when.</summary>
internal static class SequenceProvenance
{
    public static Dictionary<string, string> Of(string command, SequenceSettings s, IEnumerable<string> args, Backend backend, double seconds, string? source)
    {
        static string Join<T>(IEnumerable<T> values) => string.Join(",", values);
        var inv = CultureInfo.InvariantCulture;
        var version = typeof(SequenceProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var provenance = new Dictionary<string, string>
        {
            ["fastattractors.command"] = $"sequence {command}",
            ["fastattractors.args"] = string.Join(" ", args),
            ["fastattractors.version"] = version,
            ["fastattractors.spec"] = "Lu & Wu 2024, sequence attractors with hidden neurons (docs: tutorials/first-sequence-attractor.md)",
            ["backend"] = backend.ToString(),
            ["created_utc"] = DateTime.UtcNow.ToString("O", inv),
            ["seconds"] = seconds.ToString("0.###", inv),
            ["variants"] = Join(s.Variants.Select(SequenceNames.Of)),
            ["data"] = SequenceRunner.DataName(s.Data),
            ["data_source_example"] = source ?? "",
            ["visible"] = s.VisibleOrDefault.ToString(inv),
            ["hidden"] = s.Hidden.ToString(inv),
            ["length"] = s.Length.ToString(inv),
            ["networks"] = s.Networks.ToString(inv),
            ["trials"] = s.Trials.ToString(inv),
            ["flipped"] = s.Flipped.ToString(inv),
            ["kappa"] = s.Kappa.ToString("R", inv),
            ["eta"] = s.Eta.ToString("R", inv),
            ["max_epochs"] = s.MaxEpochs.ToString(inv),
            ["schedule"] = SequenceNames.Of(s.Schedule),
            ["hidden_code"] = SequenceNames.Of(s.HiddenCode),
            ["boundary"] = SequenceNames.Of(s.Boundary),
            ["targets"] = SequenceNames.Of(s.Targets),
            ["activity"] = s.Activity.ToString("R", inv),
            ["criterion"] = SequenceNames.Of(s.Criterion),
            ["seed"] = s.Seed.ToString(inv),
            ["recall_seed"] = (s.Seed + 1).ToString(inv),
            ["lengths"] = Join(s.Lengths),
            ["hidden_sizes"] = Join(s.HiddenSizes),
            ["flips"] = Join(s.Flips),
        };
        return Describe(command, s, backend).AddTo(provenance);
    }

    /// <summary>
    /// Members are the trained networks, one row per network and point: each row's network index, seed and point
    /// (visible, hidden, length, flipped) are its parameters. Binary states; fields and margins are float64. Time is
    /// counted in updates, one pattern per iteration.
    /// </summary>
    private static Output.ResultMetadata Describe(string command, SequenceSettings s, Backend backend) =>
        new Output.ResultMetadata($"sequence {command}", backend.ToString(), "float64 (binary states)", Output.ResultMetadata.MapTime + " (one pattern per update)")
            .Setting("per_member_columns", "variant,network,seed,visible,hidden,length,flipped,kappa,eta")
            .Setting("data", SequenceRunner.DataName(s.Data))
            .Shared("seed", s.Seed).Shared("networks", (long)s.Networks).Shared("trials", (long)s.Trials).Shared("kappa", s.Kappa).Shared("eta", s.Eta)
            .Unit("success_rate", "fraction of trials").Unit("min_hidden_margin", "dimensionless (field margin)")
            .Unit("min_visible_margin", "dimensionless (field margin)").Unit("epochs", "training epochs").Unit("train_seconds", "seconds (wall clock)")
            .Unit("length", "patterns").Unit("flipped", "bits");
}
