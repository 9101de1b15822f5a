using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Reports rows done: a Spectre.Console bar with throughput and ETA on a terminal, else a plain line after
/// <see cref="FirstLine"/>, then every <see cref="PlainInterval"/>, and one at the end (Slurm logs, pipes, tests).
/// </summary>
internal static class ScanProgressDisplay
{
    /// <summary>When the first plain line appears, and how often the next ones do.</summary>
    public static readonly TimeSpan FirstLine = TimeSpan.FromSeconds(1.5), PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="work"/>, which calls its argument with the rows each finished chunk added.</summary>
    public static void Run(bool interactive, TextWriter stdout, string label, long total, long done, Action<Action<long>> work)
    {
        if (interactive)
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask(label, maxValue: Math.Max(1, total));
                    task.Increment(done);
                    var clock = Stopwatch.StartNew();
                    long fresh = 0;
                    work(rows =>
                    {
                        fresh += rows;
                        task.Increment(rows);
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{label} {fresh / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):0} rows/s");
                    });
                });
            return;
        }
        // A clock, not the chunk callback, prints: a chunk of a large network can take minutes, and a user (or a
        // Slurm log) should see within seconds that the run started and then hear from it regularly.
        var watch = Stopwatch.StartNew();
        var gate = new object();
        long computed = 0, now = done;
        void Report()
        {
            lock (gate)
            {
                double rate = computed / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
                string eta = computed > 0 ? string.Create(CultureInfo.InvariantCulture, $"{(total - now) / rate:0} s") : "unknown until the first chunk ends";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {now}/{total} rows ({100.0 * now / Math.Max(total, 1):0.0} %), {rate:0.#} rows/s, ETA {eta}"));
            }
        }
        // A thread of its own: the compute fills the thread pool, so a pool timer's callback waits for a free worker.
        using var finished = new ManualResetEventSlim(false);
        var reporter = new Thread(() =>
        {
            var wait = FirstLine;
            while (!finished.Wait(wait))
            {
                Report();
                wait = PlainInterval;
            }
        }) { IsBackground = true, Name = "scan progress" };
        reporter.Start();
        try
        {
            work(rows =>
            {
                lock (gate)
                {
                    computed += rows;
                    now += rows;
                }
            });
        }
        finally
        {
            finished.Set();
            reporter.Join();
        }
        Report();
    }
}
