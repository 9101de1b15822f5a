using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors head-direction</c>: the oscillator head-direction circuit of Sec. 2.11
/// (<see cref="HeadDirectionSimulation"/>) against the ring attractor (<see cref="RingAttractor"/>) under the same weight
/// noise σ. Three experiments: (1) the circuit integrates a known angular velocity V(t) from heading 0, without and
/// with noise; (2) both hold a set of initial headings (V = 0) for a long time, per noise draw; (3) the bumps. Writes
/// head_direction.parquet, bump.parquet, heading.png and bump.png.
/// </summary>
internal static class HeadDirectionCommand
{
    /// <summary>
    /// The velocity of experiment 1: three incommensurate sinusoids, |V| ≤ 0.25 rad per τ (a turn in ≥ 25 τ, about 6
    /// oscillator periods), so that frames 5 τ apart can be unwrapped for the figure.
    /// </summary>
    internal static readonly AngularVelocity DefaultVelocity = new([0.12, 0.08, 0.05], [0.011, 0.029, 0.07], [0, 1, 2]);

    public static Command Create(TextWriter stdout)
    {
        var sigma = new Option<double>("--sigma") { Description = "Weight-noise level of the noisy runs (W + σξ, ξ_ij ~ N(0, 1/n)); σ = 0 is always run too.", DefaultValueFactory = _ => 0.01 };
        var draws = new Option<int>("--draws") { Description = "Noise draws.", DefaultValueFactory = _ => 4 };
        var headings = new Option<int>("--headings") { Description = "Initial headings held (evenly spaced).", DefaultValueFactory = _ => 8 };
        var duration = new Option<double>("--duration") { Description = "Simulated time (τ of the networks).", DefaultValueFactory = _ => 2000 };
        var recordEvery = new Option<double>("--record-every") { Description = "Time between recorded frames.", DefaultValueFactory = _ => 5 };
        var seed = new Option<long>("--seed") { Description = "Seed of the noise.", DefaultValueFactory = _ => 1 };
        var quick = new Option<bool>("--quick") { Description = "A tenth of the duration, 2 draws, 4 headings." };
        var backend = new Option<string?>("--backend") { Description = $"For the ring attractor: {string.Join(" | ", BackendNames.Valid)}." };
        var outDir = CommonOptions.Out("results/head-direction");
        return CliCommand.Create("head-direction",
            "Heading memory of two oscillators with a delay-line readout (Sec. 2.11) vs a ring attractor, under weight noise.",
            [sigma, draws, headings, duration, recordEvery, seed, quick, backend, outDir], parse =>
            {
                bool q = parse.GetValue(quick);
                var settings = new HeadDirectionSettings(
                    StabilityCommand.Sigmas(parse.GetValue(sigma).ToString("R", CultureInfo.InvariantCulture), "--sigma")[0],
                    q ? 2 : StabilityCommand.Positive(parse.GetValue(draws), "--draws"),
                    q ? 4 : StabilityCommand.Positive(parse.GetValue(headings), "--headings"),
                    Time(q ? parse.GetValue(duration) / 10 : parse.GetValue(duration), "--duration"),
                    Time(parse.GetValue(recordEvery), "--record-every"), parse.GetValue(seed));
                return Execute(settings, parse.GetValue(backend), parse.GetValue(outDir)!, stdout);
            });
    }

    internal static int Execute(HeadDirectionSettings settings, string? backendName, string outDirectory, TextWriter stdout)
    {
        if (settings.RecordEvery > settings.Duration)
            throw new UsageException($"--record-every: {settings.RecordEvery} is longer than --duration {settings.Duration}.");
        Backend? backend = backendName is null ? null : BackendNames.Parse(backendName, "backend (--backend)");
        string directory = OutputDirectory.Prepare(outDirectory);
        var circuit = new HeadDirectionCircuit();
        var clock = Stopwatch.StartNew();
        var runs = new List<HeadingRun>();
        // (1) integration of V(t) from heading 0, noise-free and noise draw 0.
        foreach (double s in Levels(settings))
        {
            var trace = HeadDirectionSimulation.Run(circuit, circuit.NoisyWeights(s, 0, 0, settings.Seed), circuit.NoisyWeights(s, 0, 1, settings.Seed),
                DefaultVelocity, 0, settings.Duration, settings.RecordEvery);
            runs.Add(HeadingRun.Of("oscillators-velocity", s, 0, 0, trace));
        }
        // (2a) the oscillators holding each heading (V = 0).
        var hold = Levels(settings).SelectMany(s => Enumerable.Range(0, s == 0 ? 1 : settings.Draws)
            .SelectMany(d => Enumerable.Range(0, settings.Headings).Select(h => (Sigma: s, Draw: d, Heading: Heading(h, settings.Headings))))).ToArray();
        var holdRuns = new HeadingRun[hold.Length];
        Parallel.For(0, hold.Length, i =>
        {
            var (s, d, h) = hold[i];
            var trace = HeadDirectionSimulation.Run(circuit, circuit.NoisyWeights(s, d, 0, settings.Seed), circuit.NoisyWeights(s, d, 1, settings.Seed),
                AngularVelocity.Zero, h, settings.Duration, settings.RecordEvery);
            holdRuns[i] = HeadingRun.Of("oscillators-hold", s, d, h, trace);
        });
        runs.AddRange(holdRuns);
        double oscillatorSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        // (2b) the ring attractor holding the same headings under the same σ, on the engine.
        using var engine = EngineFactory.Create(backend);
        var ringBumps = new List<(double Sigma, double[] Rates)>();
        foreach (double s in Levels(settings))
        {
            var (ringRuns, finalRates) = RingHold(engine, s, s == 0 ? 1 : settings.Draws, settings);
            runs.AddRange(ringRuns);
            ringBumps.Add((s, finalRates));
        }
        double ringSeconds = clock.Elapsed.TotalSeconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"oscillator circuit: period τ = {runs[0].Period:0.####}, {hold.Length + 2} runs over {settings.Duration} τ, {oscillatorSeconds:0.0} s; ring attractor on {engine.Backend}: {ringSeconds:0.0} s"));
        foreach (var group in runs.GroupBy(r => (r.Circuit, r.Sigma)))
        {
            var final = group.Select(r => Math.Abs(r.Error[^1])).ToArray();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key.Circuit,-21} σ = {group.Key.Sigma,-6:0.####} |decoded − true| at t = {settings.Duration}: median {SigmaStatistics.Quantile(final, 0.5):0.0000}, max {final.Max():0.0000} rad; spread across headings (circular SD, mean over draws) {Spread(group):0.0000} rad"));
        }
        var oscillatorBump = runs.First(r => r.Circuit == "oscillators-velocity" && r.Sigma == 0).FinalBump!;
        var paths = HeadDirectionOutputs.Write(directory, runs, oscillatorBump, ringBumps, settings, engine.Backend);
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }

    /// <summary>The circular standard deviation of the final errors across headings, averaged over the draws of a group.</summary>
    internal static double Spread(IEnumerable<HeadingRun> group) =>
        group.GroupBy(r => r.Draw).Select(d => CircularSd(d.Select(r => r.Error[^1]))).Average();

    internal static double CircularSd(IEnumerable<double> angles)
    {
        var a = angles.ToArray();
        double c = a.Average(Math.Cos), s = a.Average(Math.Sin);
        double r = Math.Min(1, Math.Sqrt(c * c + s * s));
        return Math.Sqrt(Math.Max(0, -2 * Math.Log(r)));
    }

    private static IEnumerable<double> Levels(HeadDirectionSettings settings) => settings.Sigma == 0 ? [0.0] : [0.0, settings.Sigma];

    private static double Heading(int h, int count) => 2 * Math.PI * (h + 0.5) / count;

    /// <summary>
    /// Members (draw d, heading h) of the n = 64 ring with W + σ ξ_d (the stability ensemble's draw d at its first σ
    /// point), starting on the bump at h, V = 0; decoded by the population vector at every frame.
    /// </summary>
    private static (List<HeadingRun> Runs, double[] FinalRates) RingHold(Engine engine, double sigma, int draws, HeadDirectionSettings settings)
    {
        var ring = RingAttractor.Create();
        int n = ring.Dimension, members = draws * settings.Headings;
        var noisy = new WeightNoiseEnsemble(ring, [sigma], draws, settings.Seed);
        var w = (TanhRnn)noisy.Model;
        var rows = new double[members][];
        var x0 = new double[n * members];
        for (int m = 0; m < members; m++)
        {
            int d = m / settings.Headings;
            rows[m] = Enumerable.Range(0, n * n).Select(k => w.W.Get(k, d)).ToArray();
            var bump = RingAttractor.Bump(Heading(m % settings.Headings, settings.Headings));
            for (int i = 0; i < n; i++)
                x0[i * members + m] = bump[i];
        }
        var model = new TanhRnn(ParameterBlock.PerMemberRows("W", rows), ring.B, ring.Tau);
        const double dt = 0.2;
        long steps = StepCounts.Round(settings.Duration, dt, "--duration");
        int every = (int)Math.Max(1, Math.Round(settings.RecordEvery / dt));
        var sol = engine.Integrate(new EnsembleProblem(model, x0, members), new Rk4(dt), steps, SaveAt.EveryNthStep(every));
        var runs = new List<HeadingRun>();
        var state = new double[n * members];
        var decoded = new double[sol.Frames, members];
        for (int f = 0; f < sol.Frames; f++)
        {
            for (int m = 0; m < members; m++)
                for (int i = 0; i < n; i++)
                    state[i * members + m] = sol.At(f, m, i);
            for (int m = 0; m < members; m++)
                decoded[f, m] = RingAttractor.Decode(state, n, m, members);
        }
        for (int m = 0; m < members; m++)
        {
            double h = Heading(m % settings.Headings, settings.Headings);
            var dec = Enumerable.Range(0, sol.Frames).Select(f => decoded[f, m]).ToArray();
            runs.Add(new HeadingRun("ring-hold", sigma, m / settings.Headings, h, double.NaN, sol.Times!,
                sol.Times!.Select(_ => h).ToArray(), sol.Times!.Select(_ => double.NaN).ToArray(), dec, null));
        }
        var rates = Enumerable.Range(0, n).Select(i => (1 + Math.Tanh(sol.Final(0, i))) / 2).ToArray();
        return (runs, rates);
    }

    private static double Time(double value, string flag) =>
        double.IsFinite(value) && value > 0 ? value
            : throw new UsageException($"{flag}: must be finite and positive, got {value.ToString(CultureInfo.InvariantCulture)}.");
}

/// <summary>What <c>head-direction</c> runs.</summary>
internal sealed record HeadDirectionSettings(double Sigma, int Draws, int Headings, double Duration, double RecordEvery, long Seed);

/// <summary>One heading trace: circuit, σ, draw, initial heading, and per frame the true, phase-held and decoded headings.</summary>
internal sealed record HeadingRun(string Circuit, double Sigma, int Draw, double InitialHeading, double Period, double[] Times,
    double[] TrueHeading, double[] PhaseHeading, double[] DecodedHeading, double[]? FinalBump)
{
    /// <summary>decoded − true, wrapped to (−π, π].</summary>
    public double[] Error { get; } = DecodedHeading.Select((d, f) => Angles.Difference(d, TrueHeading[f])).ToArray();

    public static HeadingRun Of(string circuit, double sigma, int draw, double heading, HeadDirectionTrace t) =>
        new(circuit, sigma, draw, heading, t.Period, t.Times, t.TrueHeading, t.PhaseHeading, t.DecodedHeading, t.FinalBump);
}
