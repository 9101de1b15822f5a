using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors stability</c>: structural stability under weight noise (issue 10). For each base system of
/// <see cref="StabilitySystems"/>, an ensemble of noisy copies W + σ ξ on a σ grid; the Lyapunov spectrum of every
/// member (Engine.Lyapunov); per σ the median and quartiles of λ1 and the number of exponents with |λ| below a
/// threshold. Writes stability.parquet (one row per member), stability_summary.parquet (one row per system and σ)
/// and stability.png (λ1 and the zero count against σ).
/// </summary>
internal static class StabilityCommand
{
    /// <summary>The embedded default grid: σ = 0 and five noise levels, from far below to about a third of the unit leak.</summary>
    internal static readonly double[] DefaultSigmas = [0, 0.003, 0.01, 0.03, 0.1, 0.3];

    internal const int DefaultMembers = 6;
    internal const double DefaultThreshold = 0.005;

    public static Command Create(TextWriter stdout)
    {
        var systems = new Option<string>("--systems") { Description = $"Comma-separated: {string.Join(", ", StabilitySystems.All.Select(s => s.Key))}.", DefaultValueFactory = _ => string.Join(",", StabilitySystems.All.Select(s => s.Key)) };
        var sigmas = new Option<string>("--sigmas") { Description = "Comma-separated noise levels σ ≥ 0 (ξ_ij ~ N(0, 1/n)).", DefaultValueFactory = _ => string.Join(",", DefaultSigmas.Select(s => s.ToString(CultureInfo.InvariantCulture))) };
        var members = new Option<int>("--members") { Description = "Noisy networks per σ.", DefaultValueFactory = _ => DefaultMembers };
        var seed = new Option<long>("--seed") { Description = "Seed of the noise.", DefaultValueFactory = _ => 1 };
        var threshold = new Option<double>("--threshold") { Description = "|λ| below this (per τ) counts as a zero exponent.", DefaultValueFactory = _ => DefaultThreshold };
        var draws = new Option<string>("--draws") { Description = "independent (new ξ for every σ) | common (member m uses one direction ξ_m at every σ).", DefaultValueFactory = _ => "independent" };
        var quick = new Option<bool>("--quick") { Description = "A fifth of each system's transient and duration (coarser exponents, seconds)." };
        var backend = CommonOptions.Backend();
        var outDir = CommonOptions.Out("results/stability");
        return CliCommand.Create("stability", "Lyapunov exponents of ring, line, toroidal (PTA) and limit-cycle networks under weight noise W + σξ.",
            [systems, sigmas, members, seed, threshold, draws, quick, backend, outDir], parse => Execute(new StabilitySettings(
                Systems(parse.GetValue(systems)!), Sigmas(parse.GetValue(sigmas)!), Positive(parse.GetValue(members), "--members"),
                parse.GetValue(seed), Threshold(parse.GetValue(threshold)), Draws(parse.GetValue(draws)!), parse.GetValue(quick)),
                parse.GetValue(backend), parse.GetValue(outDir)!, stdout));
    }

    internal static int Execute(StabilitySettings settings, string? backendName, string outDirectory, TextWriter stdout)
    {
        Backend? backend = backendName is null ? null : BackendNames.Parse(backendName, "backend (--backend)");
        string directory = OutputDirectory.Prepare(outDirectory);
        using var engine = EngineFactory.Create(backend);
        var results = new List<StabilityResult>();
        foreach (var system in settings.Systems)
        {
            var clock = Stopwatch.StartNew();
            var ensemble = system.Ensemble(settings.Sigmas, settings.MembersPerSigma, settings.Seed, settings.Draws);
            var options = OptionsFor(system, settings.Quick);
            var spectra = engine.Lyapunov(ensemble.Problem(system.InitialState), system.Solver, options);
            var summary = SigmaStatistics.Of(ensemble, spectra, settings.Threshold, system.ExpectedZeroExponents);
            results.Add(new StabilityResult(system, ensemble, spectra, summary));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system.Title}: {ensemble.Members} members, k = {spectra.K} of n = {system.Dimension}, T = {spectra.AccumulationTime:0.#} τ, {clock.Elapsed.TotalSeconds:0.0} s"));
            foreach (var row in summary)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  σ = {row.Sigma,-6:0.####} λ1 median {row.Lambda1Median,9:0.0000} [{row.Lambda1Lower:0.0000}, {row.Lambda1Upper:0.0000}]  zero exponents (|λ| < {settings.Threshold:0.####}) {row.ZeroCountMean:0.00} of {system.ExpectedZeroExponents} at σ = 0"));
        }
        var paths = StabilityOutputs.Write(directory, results, settings, engine.Backend);
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }

    /// <summary>The system's own settings, or in quick mode a fifth of transient and duration.</summary>
    internal static LyapunovOptions OptionsFor(StabilitySystem system, bool quick) => !quick ? system.Options : system.Options with
    {
        Transient = system.Options.Transient / 5,
        Duration = system.Options.Duration / 5,
    };

    private static IReadOnlyList<StabilitySystem> Systems(string text)
    {
        var keys = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
            throw new UsageException($"--systems: the list is empty; valid: {string.Join(", ", StabilitySystems.All.Select(s => s.Key))}.");
        return keys.Select(k => StabilitySystems.All.FirstOrDefault(s => s.Key == k)
            ?? throw new UsageException($"--systems: unknown system '{k}'; valid: {string.Join(", ", StabilitySystems.All.Select(s => s.Key))}.")).ToArray();
    }

    internal static double[] Sigmas(string text, string flag = "--sigmas")
    {
        var values = NumberList.Parse(text, flag);
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || v < 0)
                throw new UsageException($"{flag}: σ = {v.ToString(CultureInfo.InvariantCulture)} must be finite and non-negative.");
        }
        return values;
    }

    internal static int Positive(int value, string flag) =>
        value >= 1 ? value : throw new UsageException($"{flag}: must be at least 1, got {value}.");

    private static double Threshold(double value) =>
        double.IsFinite(value) && value > 0 ? value
            : throw new UsageException($"--threshold: must be finite and positive, got {value.ToString(CultureInfo.InvariantCulture)}.");

    private static NoiseDraws Draws(string text) => text switch
    {
        "independent" => NoiseDraws.IndependentPerSigma,
        "common" => NoiseDraws.CommonDirections,
        _ => throw new UsageException($"--draws: unknown value '{text}'; valid: independent, common."),
    };
}

/// <summary>What <c>stability</c> runs.</summary>
internal sealed record StabilitySettings(IReadOnlyList<StabilitySystem> Systems, double[] Sigmas, int MembersPerSigma, long Seed,
    double Threshold, NoiseDraws Draws, bool Quick);

/// <summary>One system's noisy ensemble, its spectra and the per-σ statistics.</summary>
internal sealed record StabilityResult(StabilitySystem System, WeightNoiseEnsemble Ensemble, LyapunovSpectra Spectra, IReadOnlyList<SigmaStatistics> Summary);
