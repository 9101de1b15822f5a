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
        return new Dictionary<string, string>
        {
            ["fastattractors.command"] = $"sequence {command}",
            ["fastattractors.args"] = string.Join(" ", args),
            ["fastattractors.version"] = version,
            ["fastattractors.spec"] = "Lu & Wu 2024, sequence attractors with hidden neurons (README: Binary sequence attractors)",
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
    }
}
