using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors systems</c>: the five systems of Fig. 3 (<see cref="CanonicalSystems"/>): each one's spectrum with
/// standard errors against the expected one, printed and written as systems.md and systems.csv, and a PNG per system
/// (example trajectories, the spectrum and |∂L/∂x(t)| of a terminal loss) plus systems.png with all five.
/// </summary>
internal static class SystemsCommand
{
    /// <summary>Trajectories drawn per system (different initial states, S1.1 draws ten).</summary>
    private const int TrajectoryMembers = 5;

    /// <summary>Adjoints drawn per system: the first initial states of the trajectories.</summary>
    private const int AdjointMembers = 3;

    /// <summary>Frames of |a(t)| per adjoint panel.</summary>
    private const int AdjointFrames = 400;

    public static Command Create(TextWriter stdout, bool interactive)
    {
        var outDir = CommonOptions.Out("results/systems");
        var backend = CommonOptions.Backend();
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
            clock.Restart();
            var adjoints = Adjoints(engine, system, quick);
            double adjointSeconds = clock.Elapsed.TotalSeconds;
            results.Add(new SystemResult(system, options, spectra, trajectories, adjoints, seconds));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{system.Title}: k = {spectra.K} of n = {system.Dimension}, T = {spectra.AccumulationTime:0.###} {system.TimeUnit}, {seconds:0.0} s; "
                + $"adjoint over {adjoints.Steps * system.Solver.StepSize:0.###} {system.TimeUnit}, |a(0)| / |a(T)| = {AdjointGain(adjoints):0.##e+0}, {adjointSeconds:0.0} s"));
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

    /// <summary>
    /// |a(t)| = |∂L/∂x(t)| backward from the terminal loss ½ |x(T)|² (target 0) for the first <see cref="AdjointMembers"/>
    /// initial states: it decays at the slowest rate of a fixed point, persists along a line attractor's zero
    /// direction, oscillates with a limit cycle's period and grows like e^{λ1 (T − t)} in chaos. Over the trajectory
    /// window, except 2 s of the cycle (28 periods: the transverse contraction at −10 s⁻¹ dies out well before) and 5 s
    /// of chaos (growth ≈ e^{1.9 · 5} ≈ 10⁴, at half the cost of the 10 s window); in quick mode a fifth of it and
    /// one initial state.
    /// </summary>
    private static EnsembleGradients Adjoints(Engine engine, CanonicalSystem system, bool quick)
    {
        double time = system.Key switch { "limit-cycle" => 2.0, "chaos" => 5.0, _ => TrajectoryTime(system) };
        long steps = (long)Math.Round((quick ? time / 5 : time) / system.Solver.StepSize);
        var loss = Loss.Terminal(new double[system.Dimension], system.Dimension);
        return engine.Gradient(system.Problem(quick ? 1 : AdjointMembers), system.Solver, steps, loss,
            new GradientOptions { AdjointNormEvery = (int)Math.Max(1, steps / AdjointFrames) });
    }

    /// <summary>|a(0)| / |a(T)| of member 0: below 1 for a decaying adjoint, far above 1 for an exploding one.</summary>
    private static double AdjointGain(EnsembleGradients g)
    {
        var norms = g.AdjointNorms!;
        return norms[0] / norms[(long)(g.NormTimes!.Length - 1) * g.Members];
    }

    private static long TrajectorySteps(CanonicalSystem system) => (long)Math.Round(TrajectoryTime(system) / system.Solver.StepSize);

    // About 400 frames per plot.
    private static int TrajectoryRecordEvery(CanonicalSystem system) => (int)Math.Max(1, TrajectorySteps(system) / 400);
}

/// <summary>One system's spectrum (member 0), its example trajectories and the adjoint norms of a terminal loss.</summary>
internal sealed record SystemResult(CanonicalSystem System, LyapunovOptions Options, LyapunovSpectra Spectra, EnsembleSolution Trajectories,
    EnsembleGradients Adjoints, double Seconds);
