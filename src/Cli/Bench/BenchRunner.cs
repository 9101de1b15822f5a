using System.Diagnostics;
using System.Globalization;
using FastAttractors.Bench;
using FastAttractors.Bench.Compare;

namespace FastAttractors.Cli.Bench;

/// <summary>
/// Runs every workload on every backend of a <see cref="BenchSettings"/>: per row, the problem is built (untimed), one
/// warm-up call is timed on its own (JIT and kernel compilation: reported, never part of the throughput), then
/// <see cref="BenchSettings.Runs"/> calls are timed and their median kept. A row that throws is recorded as failed and
/// the others go on. Every row's first members are then compared with Reference's answer for the same members.
/// </summary>
internal sealed class BenchRunner(BenchSettings settings, TextWriter log, Func<Backend, Engine>? createEngine = null) : IDisposable
{
    private readonly Dictionary<Backend, Engine> engines = [];
    private readonly Dictionary<Backend, Exception> absent = [];
    private readonly Lazy<MachinePeak> cpu = new(() => MachinePeak.Current);
    private readonly Func<Backend, Engine> create = createEngine ?? (b => Engine.Create(b));

    public IReadOnlyList<BenchRow> Run()
    {
        var rows = new List<BenchRow>();
        foreach (var c in settings.Cases)
        {
            log.WriteLine($"{c.Id}: {c.Title}");
            var caseRows = settings.Backends.Select(b => Measure(c, b)).ToList();
            rows.AddRange(Finish(c, caseRows));
        }
        return rows;
    }

    private BenchRow Measure(BenchCase c, Backend backend)
    {
        var scale = c.Scale(backend, settings.Size);
        var row = new BenchRow { Case = c, Backend = backend, Scale = scale, Device = BenchDevice.Of(backend, cpu) };
        var engine = EngineFor(backend);
        if (engine is null)
            return row with { Status = RowStatus.Absent, Note = $"not present: {absent[backend].Message}" };
        try
        {
            var call = c.Prepare(settings.Size, scale.Members, scale.Ran);
            var clock = Stopwatch.StartNew();
            call(engine);
            double warmup = clock.Elapsed.TotalSeconds;
            var times = new List<double>();
            BenchOutput? output = null;
            for (int r = 0; r < settings.Runs; r++)
            {
                clock.Restart();
                output = call(engine);
                times.Add(clock.Elapsed.TotalSeconds);
            }
            double median = Stats.Median(times);
            log.WriteLine(F($"  {backend,-9} {scale.Ran,9:N0} of {scale.Members:N0}: warm-up {warmup:0.000} s, median {median:0.0000} s of {settings.Runs}"));
            checks[(c, backend)] = output!.Check;
            return row with { WarmupSeconds = warmup, Seconds = median, Units = output.Units, Runs = settings.Runs, Note = output.Note };
        }
#pragma warning disable CA1031 // a backend failing mid-run is reported in its row and the others go on (the point of the bench)
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.WriteLine($"  {backend,-9} failed: {e.GetType().Name}: {FirstLine(e.Message)}");
            return row with { Status = RowStatus.Failed, Note = $"failed: {e.GetType().Name}: {FirstLine(e.Message)}" };
        }
    }

    private readonly Dictionary<(BenchCase, Backend), IReadOnlyList<double[]>> checks = [];

    /// <summary>Cross-checks against Reference, speed-ups over Simd and Reference, and the notes on extrapolated rows.</summary>
    private List<BenchRow> Finish(BenchCase c, List<BenchRow> rows)
    {
        var simd = rows.FirstOrDefault(r => r.Backend == Backend.Simd && r.Timed);
        var reference = rows.FirstOrDefault(r => r.Backend == Backend.Reference && r.Timed);
        var result = new List<BenchRow>();
        foreach (var row in rows)
        {
            if (!row.Timed)
            {
                result.Add(row);
                continue;
            }
            var r = row with
            {
                SpeedupOverSimd = simd is null ? double.NaN : row.Throughput / simd.Throughput,
                SpeedupOverReference = reference is null ? double.NaN : row.Throughput / reference.Throughput,
            };
            if (row.Scale.Extrapolated)
                r = r with { Note = Join(r.Note, F($"ran {row.Scale.Ran:N0} of {row.Scale.Members:N0}; time for all extrapolated from that throughput")) };
            if (row.Backend == Backend.Reference)
            {
                result.Add(r with { Deviation = 0, CheckedMembers = checks[(c, row.Backend)].Count, Note = Join(r.Note, "the oracle (float64 scalar)") });
                continue;
            }
            var (expected, why) = ReferenceCheck(c, row.Scale.Members, rows);
            if (expected is null)
            {
                result.Add(r with { Note = Join(r.Note, $"cross-check not done: {why}") });
                continue;
            }
            var (deviation, members) = CrossCheck.Deviation(checks[(c, row.Backend)], expected);
            bool agrees = deviation <= c.Tolerance;
            result.Add(r with
            {
                Deviation = deviation,
                CheckedMembers = members,
                Status = agrees ? RowStatus.Ok : RowStatus.Deviates,
                Note = agrees ? r.Note : Join(r.Note, F($"deviates from Reference by {deviation:0.###e0} > tolerance {c.Tolerance:0.###e0}")),
            });
            if (!agrees)
                log.WriteLine(F($"  {row.Backend,-9} DEVIATES from Reference: {deviation:0.###e0} > {c.Tolerance:0.###e0}"));
        }
        return result;
    }

    /// <summary>
    /// Reference's values for the first members of the <paramref name="members"/>-member problem: from the timed
    /// Reference row when it ran the same problem, else from an untimed Reference call on just the compared members.
    /// </summary>
    private (IReadOnlyList<double[]>? Values, string Why) ReferenceCheck(BenchCase c, int members, List<BenchRow> rows)
    {
        var timed = rows.FirstOrDefault(r => r.Backend == Backend.Reference && r.Timed && r.Scale.Members == members);
        if (timed is not null)
            return (checks[(c, Backend.Reference)], "");
        if (extraChecks.TryGetValue((c, members), out var cached))
            return cached;
        var engine = EngineFor(Backend.Reference);
        (IReadOnlyList<double[]>?, string) result;
        if (engine is null)
        {
            result = (null, "Reference not available");
        }
        else
        {
            try
            {
                result = (c.Prepare(settings.Size, members, Math.Min(members, c.CheckedMembers))(engine).Check, "");
            }
#pragma warning disable CA1031 // reported in the rows it would have checked
            catch (Exception e)
#pragma warning restore CA1031
            {
                result = (null, $"Reference failed: {e.GetType().Name}: {FirstLine(e.Message)}");
            }
        }
        extraChecks[(c, members)] = result;
        return result;
    }

    private readonly Dictionary<(BenchCase, int), (IReadOnlyList<double[]>?, string)> extraChecks = [];

    private Engine? EngineFor(Backend backend)
    {
        if (engines.TryGetValue(backend, out var engine))
            return engine;
        if (absent.ContainsKey(backend))
            return null;
        try
        {
            return engines[backend] = create(backend);
        }
        catch (InvalidOperationException e)
        {
            absent[backend] = e;
            return null;
        }
    }

    public void Dispose()
    {
        foreach (var engine in engines.Values)
            engine.Dispose();
        engines.Clear();
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}; {b}";

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
