using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FastAttractors.Cli.Tests.Support;

/// <summary>
/// The CLI as a separate process (<c>dotnet FastAttractors.Cli.dll</c> from the test's output folder), for what an
/// in-process run cannot show: being killed, or running under a scheduler.
/// </summary>
public static class CliProcess
{
    /// <summary>The built CLI next to the test assembly (the project reference copies it there).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "FastAttractors.Cli.dll");

    /// <summary>The dotnet host running the tests, so the child uses the same runtime.</summary>
    public static string Dotnet
    {
        get
        {
            string? host = Environment.ProcessPath;
            return host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        }
    }

    /// <summary>The command line that runs the CLI, for scripts (slurm-template --cli).</summary>
    public static string CommandLine => $"{Dotnet} {Dll}";

    /// <summary>SIGKILL, as a scheduler's kill or an out-of-memory kill delivers it: the process runs no code after it.</summary>
    public static void KillHard(Process process)
    {
        if (kill(process.Id, 9) != 0)
            throw new InvalidOperationException($"kill({process.Id}, SIGKILL) failed: errno {Marshal.GetLastPInvokeError()}.");
        process.WaitForExit();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Starts the CLI; <paramref name="lowPriority"/> runs it under <c>nice -n 19</c> (every thread, unlike
    /// <see cref="Process.PriorityClass"/>, which on Linux reaches only the main thread).</summary>
    public static Process Start(bool lowPriority, params string[] args)
    {
        var info = new ProcessStartInfo(lowPriority ? "nice" : Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (lowPriority)
        {
            foreach (var a in new[] { "-n", "19", Dotnet })
                info.ArgumentList.Add(a);
        }
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI process.");
    }
}
