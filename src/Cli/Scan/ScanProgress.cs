using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Reports rows done: a Spectre.Console bar with throughput and ETA on a terminal, else a plain line at most every
/// <see cref="PlainInterval"/> and one at the end (Slurm logs, pipes, tests).
/// </summary>
internal static class ScanProgress
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

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
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        long computed = 0, now = done;
        work(rows =>
        {
            computed += rows;
            now += rows;
            if (now < total && watch.Elapsed - last < PlainInterval)
                return;
            last = watch.Elapsed;
            double rate = computed / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
            double eta = rate > 0 ? (total - now) / rate : double.NaN;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {now}/{total} rows ({100.0 * now / Math.Max(total, 1):0.0} %), {rate:0.#} rows/s, ETA {eta:0} s"));
        });
    }
}
