using System.Globalization;
using FastAttractors.Cli.Commands;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The files of <c>head-direction</c>, each written atomically: head_direction.parquet (one row per run and frame:
/// circuit, σ, draw, initial heading, time, true / phase-held / decoded heading, error), bump.parquet (the
/// oscillator circuit's cycle-averaged bump on its L locations, and the ring attractor's rates (1 + tanh x)/2 on its
/// 64 neurons at the end), heading.png and bump.png.
/// </summary>
internal static class HeadDirectionOutputs
{
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<HeadingRun> runs, double[] oscillatorBump,
        IReadOnlyList<(double Sigma, double[] Rates)> ringBumps, HeadDirectionSettings settings, Backend ringBackend)
    {
        var metadata = new Dictionary<string, string>
        {
            ["command"] = "fastattractors head-direction",
            ["version"] = typeof(Engine).Assembly.GetName().Version?.ToString() ?? "",
            ["sigma"] = settings.Sigma.ToString("R", CultureInfo.InvariantCulture),
            ["draws"] = settings.Draws.ToString(CultureInfo.InvariantCulture),
            ["headings"] = settings.Headings.ToString(CultureInfo.InvariantCulture),
            ["duration"] = settings.Duration.ToString("R", CultureInfo.InvariantCulture),
            ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["noise"] = "W + sigma*xi, xi_ij ~ N(0, 1/n): oscillators purpose 51 (n = 2), ring purpose 50 (n = 64)",
            ["circuit"] = "oscillators alpha = 3, theta = 1, L = 32 locations, pulse sharpness 8, one-period average",
        };
        var frameMetadata = Describe(settings, ringBackend).Setting("per_member_columns", "circuit,sigma,draw,initial_heading").AddTo(metadata);
        var bumpMetadata = Describe(settings, ringBackend).Setting("rows", "one per circuit, sigma and location").AddTo(metadata);
        var paths = new List<string>();
        try
        {
            string table = Path.Combine(directory, "head_direction.parquet");
            ColumnsParquet.Write(table, Frames(runs), frameMetadata);
            string bumps = Path.Combine(directory, "bump.parquet");
            ColumnsParquet.Write(bumps, Bumps(oscillatorBump, ringBumps), bumpMetadata);
            string heading = Path.Combine(directory, "heading.png");
            var headingBytes = HeadingPlot.Render(runs, settings);
            AtomicFile.Write(heading, s => s.Write(headingBytes));
            string bump = Path.Combine(directory, "bump.png");
            var bumpBytes = HeadingPlot.RenderBumps(oscillatorBump, ringBumps);
            AtomicFile.Write(bump, s => s.Write(bumpBytes));
            paths.AddRange([table, bumps, heading, bump]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--out: writing results to '{directory}' failed: {e.Message}", e);
        }
        return paths;
    }

    /// <summary>
    /// Members are the runs (rows share circuit, σ, draw and initial heading): those columns are each run's parameters.
    /// The oscillator circuit runs on the host, the ring attractor on the engine's backend; both in float64. Time is in
    /// τ, headings and locations in radians.
    /// </summary>
    private static readonly HeadDirectionCircuit Circuit = new(); // the command runs the default circuit

    private static ResultMetadata Describe(HeadDirectionSettings settings, Backend ringBackend) =>
        new ResultMetadata("head-direction", $"host (oscillators), {ringBackend} (ring)", "float64", ResultMetadata.FlowTime + " (tau)")
            .Shared("seed", settings.Seed).Shared("sigma_max", settings.Sigma).Shared("draws", (long)settings.Draws)
            .Shared("headings", (long)settings.Headings).Shared("duration", settings.Duration)
            .Shared("oscillator_alpha", Circuit.Alpha).Shared("oscillator_theta", Circuit.Theta).Shared("locations", (long)Circuit.Locations)
            .Unit("sigma", "dimensionless (weight-noise scale)").Unit("time", ResultMetadata.FlowTime + " (tau)")
            .Unit("initial_heading", "radians").Unit("true_heading", "radians").Unit("phase_heading", "radians")
            .Unit("decoded_heading", "radians").Unit("error", "radians").Unit("location", "radians")
            .Unit("activity", "dimensionless (rate in [0, 1] or cycle-averaged activity)");

    private static List<(string, Array)> Frames(IReadOnlyList<HeadingRun> runs)
    {
        var rows = runs.SelectMany(r => r.Times.Select((t, f) => (Run: r, Frame: f))).ToArray();
        return
        [
            ("circuit", rows.Select(x => x.Run.Circuit).ToArray()), ("sigma", rows.Select(x => x.Run.Sigma).ToArray()),
            ("draw", rows.Select(x => x.Run.Draw).ToArray()), ("initial_heading", rows.Select(x => x.Run.InitialHeading).ToArray()),
            ("time", rows.Select(x => x.Run.Times[x.Frame]).ToArray()), ("true_heading", rows.Select(x => x.Run.TrueHeading[x.Frame]).ToArray()),
            ("phase_heading", rows.Select(x => x.Run.PhaseHeading[x.Frame]).ToArray()),
            ("decoded_heading", rows.Select(x => x.Run.DecodedHeading[x.Frame]).ToArray()), ("error", rows.Select(x => x.Run.Error[x.Frame]).ToArray()),
        ];
    }

    private static List<(string, Array)> Bumps(double[] oscillatorBump, IReadOnlyList<(double Sigma, double[] Rates)> ringBumps)
    {
        var circuit = new List<string>(); var sigma = new List<double>(); var location = new List<double>(); var activity = new List<double>();
        void Add(string name, double s, double[] values)
        {
            for (int j = 0; j < values.Length; j++)
            {
                circuit.Add(name); sigma.Add(s); location.Add(2 * Math.PI * j / values.Length); activity.Add(values[j]);
            }
        }
        Add("oscillators", 0, oscillatorBump);
        foreach (var (s, rates) in ringBumps)
            Add("ring", s, rates);
        return [("circuit", circuit.ToArray()), ("sigma", sigma.ToArray()), ("location", location.ToArray()), ("activity", activity.ToArray())];
    }
}
