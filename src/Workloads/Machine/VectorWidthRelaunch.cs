using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FastAttractors.Bench.Machine;

/// <summary>
/// Runs the program again, once, with Vector&lt;T&gt; at the width <see cref="VectorWidthPolicy"/> chose: the runtime
/// reads that width only from environment variables at start-up, so a running process cannot change its own. The
/// child inherits stdin, stdout and stderr and the arguments; its exit code becomes the parent's. The parent only
/// waits: Ctrl+C from a terminal reaches the child directly (same process group), so the parent ignores it, and
/// SIGTERM or SIGHUP sent to the parent alone (a scheduler, timeout) are passed on to the child. SIGKILL cannot be
/// passed on, so on Linux the child asks the kernel to kill it when the parent dies (a killed run must not go on
/// writing its outputs behind the back of whoever killed it, e.g. a scan that is then resumed).
/// </summary>
internal static class VectorWidthRelaunch
{
    private const int SigHup = 1;
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int PrSetPdeathsig = 1;

    /// <summary>The parent's process id, given to the child so that it can tell whether the parent already died.</summary>
    public const string ParentVariable = "FASTATTRACTORS_VECTOR_WIDTH_PARENT";

    /// <summary>
    /// The child's exit code when the program was relaunched, or null to go on in this process (no relaunch wanted, or
    /// the program cannot be started again: the width then stays, and devices says why).
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="VectorWidthPolicy.OverrideVariable"/> has an unknown value.</exception>
    public static int? RunIfWanted(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        DieWithParent();
        var decision = VectorWidthPolicy.ForThisProcess();
        if (decision.RelaunchBits is not { } bits || StartInfo(args, bits) is not { } start)
            return null;
        Process child;
        try
        {
            child = Process.Start(start) ?? throw new Win32Exception("Process.Start returned no process");
        }
        catch (Win32Exception)
        {
            return null;
        }
        using (child)
        using (Forward(child, PosixSignal.SIGINT, null))
        using (Forward(child, PosixSignal.SIGQUIT, null))
        using (Forward(child, PosixSignal.SIGTERM, SigTerm))
        using (Forward(child, PosixSignal.SIGHUP, SigHup))
        {
            child.WaitForExit();
            return child.ExitCode;
        }
    }

    /// <summary>This program again: the app host itself, or <c>dotnet</c> with the entry assembly when run as <c>dotnet X.dll</c>.</summary>
    private static ProcessStartInfo? StartInfo(string[] args, int bits)
    {
        string? host = Environment.ProcessPath;
        if (host is null)
            return null;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            string? entry = Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
                return null;
            start.ArgumentList.Add(entry);
        }
        foreach (var a in args)
            start.ArgumentList.Add(a);
        foreach (var (name, value) in VectorWidthPolicy.ChildEnvironment(bits))
            start.Environment[name] = value;
        start.Environment[ParentVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return start;
    }

    /// <summary>In a relaunched child on Linux: SIGKILL when the parent dies, and exit now if it died before this ran.</summary>
    private static void DieWithParent()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(ParentVariable) is not { } parent)
            return;
        // Read once and removed: this process's own children (scan workers, probes) have another parent.
        Environment.SetEnvironmentVariable(ParentVariable, null);
        _ = prctl(PrSetPdeathsig, SigKill, 0, 0, 0);
        if (int.TryParse(parent, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int pid) && getppid() != pid)
            Environment.Exit(128 + SigKill);
    }

    /// <summary>Keeps <paramref name="signal"/> from ending the parent; passes it to the child as <paramref name="forwardAs"/> when not null.</summary>
    private static PosixSignalRegistration? Forward(Process child, PosixSignal signal, int? forwardAs)
    {
        if (OperatingSystem.IsWindows())
            return null;
        return PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            if (forwardAs is { } number && !child.HasExited)
                _ = kill(child.Id, number);
        });
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [DllImport("libc")]
    private static extern int getppid();
}
