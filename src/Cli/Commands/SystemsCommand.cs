using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors systems</c>: the five systems of Fig. 3 (<see cref="CanonicalSystems"/>): each one's spectrum with
/// standard errors against the expected one, printed and written as systems.md and systems.csv, and a PNG per system
/// (example trajectories and the spectrum) plus systems.png with all five.
/// </summary>
internal static class SystemsCommand
{
    /// <summary>Trajectories drawn per system (different initial states, S1.1 draws ten).</summary>
    private const int TrajectoryMembers = 5;

    public static Command Create(TextWriter stdout, bool interactive)
    {
        var outDir = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "results/systems" };
        var backend = new Option<string?>("--backend") { Description = $"{string.Join(" | ", BackendNames.Valid)}; default: best present or {BackendNames.EnvironmentVariable}." };
        var quick = new Option<bool>("--quick") { Description = "Shorter runs (a tenth of the accumulation, at most 3 exponents): seconds instead of a minute, coarser errors." };
        var command = new Command("systems", "Spectra and trajectories of the five systems of Fig. 3 (fixed point, two fixed points, line attractor, chaos, limit cycle).");
        command.Options.Add(outDir);
        command.Options.Add(backend);
        command.Options.Add(quick);
        command.SetAction(parse => Execute(parse.GetValue(outDir)!, parse.GetValue(backend), parse.GetValue(quick), stdout, interactive));
        return command;
    }

    /// <summary>The settings a run uses: the system's own, or in quick mode a tenth of the accumulation and at most 3 exponents.</summary>
    internal static LyapunovOptions OptionsFor(CanonicalSystem system, bool quick) => !quick ? system.Options : system.Options with
    {
        Transient = system.Options.Transient / 5,
        Duration = system.Options.Duration / 10,
        Exponents = Math.Min(system.Options.Exponents ?? system.Dimension, 3),
    };

    internal static int Execute(string outDirectory, string? backendName, bool quick, TextWriter stdout, bool interactive)
    {
        Backend? backend = backendName is null ? null : BackendNames.Parse(backendName, "backend (--backend)");
        string directory = OutputDirectory.Prepare(outDirectory);
        using var engine = EngineFactory.Create(backend);
        var results = new List<SystemResult>();
        foreach (var system in CanonicalSystems.All)
        {
            var options = OptionsFor(system, quick);
            var clock = Stopwatch.StartNew();
            var spectra = engine.Lyapunov(system.Problem(), system.Solver, options);
            double seconds = clock.Elapsed.TotalSeconds;
            var trajectories = engine.Integrate(system.Problem(TrajectoryMembers), system.Solver, TrajectorySteps(system),
                SaveAt.EveryNthStep(TrajectoryRecordEvery(system)));
            results.Add(new SystemResult(system, options, spectra, trajectories, seconds));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system.Title}: k = {spectra.K} of n = {system.Dimension}, T = {spectra.AccumulationTime:0.###} {system.TimeUnit}, {seconds:0.0} s"));
        }
        stdout.WriteLine($"exponents per τ (linear and ReLU systems, unit time constant) or per second (tanh networks, τ = 10 ms); on {engine.Backend}:");
        var rows = results.Select(r => SpectrumTable.RowOf(r.Spectra, 0, $"{r.System.Title} (per {r.System.TimeUnit})")).ToList();
        SpectrumTable.Write(stdout, rows, "system", interactive);
        var paths = SystemsOutputs.Write(directory, results, engine.Backend, quick);
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The window of the example trajectories: 20 τ for the relaxing systems; 10 s of chaos, long enough for the 10⁻⁴
    /// differences of the initial states to grow visibly at λ1 ≈ 2 s⁻¹; 0.5 s (7 periods) of the cycle.
    /// </summary>
    private static double TrajectoryTime(CanonicalSystem system) => system.Key switch
    {
        "chaos" => 10.0,
        "limit-cycle" => 0.5,
        _ => 20.0,
    };

    private static long TrajectorySteps(CanonicalSystem system) => (long)Math.Round(TrajectoryTime(system) / system.Solver.StepSize);

    // About 400 frames per plot.
    private static int TrajectoryRecordEvery(CanonicalSystem system) => (int)Math.Max(1, TrajectorySteps(system) / 400);
}

/// <summary>One system's spectrum (member 0) and its example trajectories.</summary>
internal sealed record SystemResult(CanonicalSystem System, LyapunovOptions Options, LyapunovSpectra Spectra, EnsembleSolution Trajectories, double Seconds);
