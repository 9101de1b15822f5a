using System.Diagnostics;
using System.Numerics;
using System.Runtime.Intrinsics;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Machine;

/// <summary>
/// The relaunch as it happens: <c>dotnet FastAttractors.Cli.dll devices</c> in a child process, which reports the
/// Vector&lt;T&gt; width it ended up with. 128 bits is asked for because every x86-64 and Arm64 CPU can narrow to it, so
/// the test proves the knob is honoured on any machine (the 512-bit default needs an AVX-512 CPU to show).
/// </summary>
public class VectorWidthRelaunchTests
{
    private static (int ExitCode, string Stdout, string Stderr) RunCli(string? widthOverride, params string[] args)
    {
        var info = new ProcessStartInfo(CliProcess.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliProcess.Dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        // The test host's own settings must not leak into the child's decision.
        foreach (var name in new[] { "DOTNET_PreferredVectorBitWidth", "DOTNET_MaxVectorTBitWidth", "COMPlus_PreferredVectorBitWidth", "COMPlus_MaxVectorTBitWidth", "FASTATTRACTORS_VECTOR_WIDTH_RELAUNCHED", "FASTATTRACTORS_VECTOR_WIDTH_PARENT" })
            info.Environment.Remove(name);
        if (widthOverride is null)
            info.Environment.Remove("FASTATTRACTORS_VECTOR_WIDTH");
        else
            info.Environment["FASTATTRACTORS_VECTOR_WIDTH"] = widthOverride;
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }

    private static string VectorLine(string stdout) =>
        stdout.Split('\n').Single(l => l.StartsWith("Simd vectors: ", StringComparison.Ordinal));

    [Fact]
    public void Asking_for_128_bits_gives_the_child_two_float64_lanes()
    {
        Assert.True(Vector<double>.Count > 2, "the test host itself already runs 128-bit vectors; nothing would change");

        var (code, stdout, stderr) = RunCli("128", "devices");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        string line = VectorLine(stdout);
        Assert.Contains("Vector<T> 128 bits = 2 float64 lanes", line);
        Assert.Contains("relaunched with DOTNET_PreferredVectorBitWidth=128 and DOTNET_MaxVectorTBitWidth=128", line);
    }

    [Fact]
    public void Native_keeps_the_width_the_runtime_chose()
    {
        var (code, stdout, _) = RunCli("native", "devices");

        Assert.Equal(0, code);
        Assert.Contains($"Vector<T> {Vector<byte>.Count * 8} bits = {Vector<double>.Count} float64 lanes (the runtime's default, as FASTATTRACTORS_VECTOR_WIDTH=native asks)", VectorLine(stdout));
    }

    [Fact]
    public void Unset_is_512_bits_on_avx512_cpus_and_a_no_op_elsewhere()
    {
        var (code, stdout, _) = RunCli(null, "devices");

        Assert.Equal(0, code);
        string line = VectorLine(stdout);
        if (Vector512.IsHardwareAccelerated)
            Assert.Contains("Vector<T> 512 bits = 8 float64 lanes (relaunched", line);
        else
            Assert.Contains($"Vector<T> {Vector<byte>.Count * 8} bits = {Vector<double>.Count} float64 lanes (the runtime's default", line);
    }

    [Fact]
    public void The_relaunched_childs_exit_code_and_stderr_come_back()
    {
        var (code, stdout, stderr) = RunCli("128", "devices", "--no-such-flag");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("--no-such-flag", stderr);
    }

    [Fact]
    public void An_unknown_width_is_a_usage_error_naming_it()
    {
        var (code, _, stderr) = RunCli("wide", "devices");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("FASTATTRACTORS_VECTOR_WIDTH: unknown value 'wide'", stderr);
    }

    [Fact]
    public void The_relaunched_child_dies_with_its_parent()
    {
        // SIGKILL (a scheduler's kill, the OOM killer) cannot be passed on; the child must not outlive the parent and
        // go on writing outputs. A full-size Reference bench runs long enough to be killed mid-run.
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDirectory();
        var info = new ProcessStartInfo(CliProcess.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CliProcess.Dll, "bench", "--size", "full", "--workloads", "W1", "--backends", "Reference", "--out", dir.Path })
            info.ArgumentList.Add(a);
        info.Environment["FASTATTRACTORS_VECTOR_WIDTH"] = "128";
        info.Environment.Remove("FASTATTRACTORS_VECTOR_WIDTH_RELAUNCHED");
        using var parent = Process.Start(info)!;
        int? child = null;
        var clock = Stopwatch.StartNew();
        while (child is null && !parent.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            child = ChildOf(parent.Id);
            Thread.Sleep(10);
        }
        Assert.True(child is not null, "no relaunched child appeared");
        Assert.False(parent.HasExited, "the bench ended before it could be killed");
        CliProcess.KillHard(parent);
        clock.Restart();
        while (Alive(child.Value) && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(10);
        bool outlived = Alive(child.Value);
        if (outlived)
            Process.GetProcessById(child.Value).Kill(); // no stray bench left behind by a failing test
        Assert.False(outlived, $"the child {child} outlived its killed parent");
    }

    /// <summary>A live process whose parent is <paramref name="parent"/>, from /proc/PID/stat ("pid (comm) state ppid ...").</summary>
    private static int? ChildOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
                continue;
            var fields = Stat(pid);
            if (fields is { } f && f.Ppid == parent && f.State != 'Z')
                return pid;
        }
        return null;
    }

    private static bool Alive(int pid) => Stat(pid) is { } f && f.State != 'Z' && f.State != 'X';

    private static (char State, int Ppid)? Stat(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (rest[0][0], int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
