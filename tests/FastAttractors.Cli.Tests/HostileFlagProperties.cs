using System.Diagnostics;
using FastAttractors.Cli.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// Hostile values for every numeric flag of integrate, lyapunov, adjoint and scan, and the size flags of sequence train
/// and train (NaN, ±∞, 1e999, 0, negatives,
/// int and long extremes, values past the 2⁵³ step limit, sizes that cannot fit memory, garbage and 10,000-character
/// strings). Each either runs to exit 0 (the values are chosen so that every accepted run is short) or exits 2 with
/// one line that names the flag, quotes at most an excerpt, and carries no stack trace, all within seconds.
/// </summary>
public class HostileFlagProperties
{
    private static readonly string Long = new('9', 10_000);

    private static readonly string[] Doubles = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0", "-1", "-1e-300", "1e19", "1e300", "abc", "", Long];

    private static readonly string[] Ints = ["0", "-1", "2147483648", "-2147483649", "9223372036854775808", "1.5", "abc", "", Long];

    // Step counts: 2147483648 would be a valid (hours-long) run, so only values that are invalid or past 2⁵³.
    private static readonly string[] StepCounts = ["0", "-1", "-9223372036854775808", "9223372036854775808", "9007199254740993", "1.5", "abc", "", Long];

    // The baselines: each runs in well under a second.
    private static readonly Dictionary<string, string[]> Baselines = new()
    {
        ["integrate"] = ["integrate", "--model", "tanh-rnn", "--n", "3", "--members", "2", "--dt", "0.1", "--steps", "5", "--backend", "Reference"],
        ["lyapunov"] = ["lyapunov", "--model", "lorenz", "--members", "2", "--dt", "0.01", "--transient", "0", "--duration", "1", "--backend", "Reference"],
        ["adjoint"] = ["adjoint", "--model", "tanh-rnn", "--n", "3", "--members", "2", "--dt", "0.1", "--steps", "5", "--backend", "Reference"],
        // Only values that must be refused are tried on these two (a valid training run takes longer than a probe should).
        ["sequence train"] = ["sequence", "train", "--networks", "2", "--visible", "20", "--length", "4", "--max-epochs", "5", "--backend", "Reference"],
        ["train"] = ["train", "--task", "copy", "--delay", "5", "--hidden", "8", "--epochs", "1"],
        ["scan"] = ["scan", "--family", "rotation-flow", "--axis", "alpha=list:1.5", "--axis", "theta=list:0.5", "--transient", "0", "--duration", "2", "--backend", "Reference"],
    };

    // Flag → the hostile values tried and the words an error about it may name (the flag, or the quantity it makes too large).
    private static readonly (string Command, string Flag, string[] Values, string[] Names)[] Cases =
    [
        ("integrate", "--steps", StepCounts, ["steps"]),
        ("integrate", "--n", [.. Ints, "100000"], ["n", "members"]),
        ("integrate", "--members", [.. Ints, "2000000000"], ["members"]),
        ("integrate", "--dt", Doubles, ["dt"]),
        ("integrate", "--g", Doubles, ["g"]),
        ("integrate", "--x0-std", Doubles, ["x0"]),
        ("integrate", "--seed", Ints, ["seed"]),
        ("integrate", "--record-every", Ints, ["record"]),
        ("integrate", "--chunk-members", Ints, ["chunk"]),
        ("lyapunov", "--transient", Doubles, ["transient"]),
        ("lyapunov", "--duration", Doubles, ["duration"]),
        ("lyapunov", "--dt", Doubles, ["dt", "duration", "transient"]),
        ("lyapunov", "--every", Ints, ["every", "duration"]),
        ("lyapunov", "--blocks", Ints, ["blocks", "duration"]),
        ("lyapunov", "--exponents", Ints, ["exponents"]),
        ("lyapunov", "--tolerance", Doubles, ["tolerance"]),
        ("adjoint", "--steps", StepCounts, ["steps"]),
        ("adjoint", "--checkpoint", Ints, ["checkpoint"]),
        ("adjoint", "--norm-every", Ints, ["norm"]),
        ("scan", "--duration", Doubles, ["duration"]),
        ("scan", "--transient", Doubles, ["transient"]),
        ("scan", "--dt", Doubles, ["dt", "duration", "transient"]),
        ("scan", "--tolerance", Doubles, ["tolerance"]),
        ("scan", "--every", Ints, ["every", "duration"]),
        ("scan", "--blocks", Ints, ["blocks", "duration"]),
        ("scan", "--chunk", [.. Ints, "2000000000"], ["chunk"]),
        ("scan", "--members", Ints, ["members"]), // 2·10⁹ members is a valid (cluster-sized) scan, so not tried here
        ("scan", "--x0-std", Doubles, ["x0"]),
        ("sequence train", "--visible", [.. Ints, "2147483647"], ["visible"]),
        ("sequence train", "--length", [.. Ints, "2147483647"], ["length"]),
        ("sequence train", "--networks", [.. Ints, "2147483647"], ["networks"]),
        ("sequence train", "--trials", [.. Ints, "2147483647"], ["trials"]),
        ("sequence train", "--hidden", [.. Ints, "2147483647"], ["hidden"]),
        ("train", "--dt", Doubles, ["dt"]),             // --time discrete: refused as not applying, whatever the value
        ("train", "--frequency", Doubles, ["frequency"]),
        ("train", "--length", [.. Ints, "2147483647"], ["length"]),
        ("scan", "--axis", ["alpha=linspace:0:1:1e999", "alpha=list:" + Long, "alpha=list:NaN", Long, "alpha=logspace:-1:1:3", "=list:1"], ["axis"]),
    ];

    public sealed record Probe(string Command, string Flag, string Value, string[] Names)
    {
        public override string ToString() => $"{Command} {Flag} '{(Value.Length > 40 ? Value[..40] + "…" : Value)}'";
    }

    public static class Arbs
    {
        public static Arbitrary<Probe> Probes() =>
            (from c in Gen.Elements(Cases)
             from value in Gen.Elements(c.Values)
             select new Probe(c.Command, c.Flag, value, c.Names)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 120)]
    public void Every_hostile_flag_value_runs_briefly_or_is_refused_by_name(Probe probe)
    {
        using var dir = new TempDirectory();
        var args = Baselines[probe.Command].ToList();
        int at = args.IndexOf(probe.Flag);
        if (at >= 0 && probe.Flag != "--axis")
            args[at + 1] = probe.Value;
        else if (probe.Flag == "--axis")
            args[args.IndexOf("alpha=list:1.5")] = probe.Value;
        else
            args.AddRange([probe.Flag, probe.Value]);
        args.AddRange(["--out", dir.Path]);
        var clock = Stopwatch.StartNew();
        var result = CliHarness.Run([.. args]);
        Assert.True(clock.Elapsed.TotalSeconds < 30, $"{probe}: took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain("   at ", result.Stderr); // never a stack trace
        if (result.ExitCode == ExitCodes.Ok)
            return;
        Assert.True(result.ExitCode == ExitCodes.Usage, $"{probe}: exit {result.ExitCode}: {result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 1 && lines[0].StartsWith("error", StringComparison.Ordinal), $"{probe}: {result.Stderr}");
        Assert.True(result.Stderr.Length < 3_000, $"{probe}: a {result.Stderr.Length}-character error echoes the input");
        Assert.True(probe.Names.Any(n => lines[0].Contains(n, StringComparison.OrdinalIgnoreCase)), $"{probe}: the error names none of {string.Join(", ", probe.Names)}: {lines[0]}");
    }
}
