using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FastAttractors.Bench.Compare;

/// <summary>
/// Builds and runs the peer programs of bench/peers: C++ with <c>g++ -O3 -march=native -fopenmp</c> into an ignored
/// build folder, Python with /usr/bin/python3 (Debian's numpy). Each peer times its own integration loop and prints
/// one line with "… member-steps/s" (or trajectory-steps/s); that figure is what is compared.
/// </summary>
internal sealed partial class PeerRunner(string peersDir, string buildDir, TextWriter log)
{
    private readonly Dictionary<string, (string? Exe, string? Error)> builds = new();

    /// <summary>The peer's program in bench/peers.</summary>
    private string SourcePath(PeerSpec peer) => Path.Combine(peersDir, peer.Source);

    /// <summary>Runs <paramref name="peer"/> <paramref name="runs"/> times; the median of its reported throughput, or why it could not run.</summary>
    public PeerResult Run(PeerSpec peer, int members, int runs)
    {
        string file;
        string[] prefix;
        if (peer.IsPython)
        {
            if (!PythonHasNumpy())
                return PeerResult.Missing(peer.Missing);
            file = "/usr/bin/python3";
            prefix = [SourcePath(peer)];
        }
        else
        {
            var (exe, error) = Build(peer);
            if (exe is null)
                return PeerResult.Missing(error!);
            file = exe;
            prefix = [];
        }
        var rates = new List<double>();
        var seconds = new List<double>();
        string lastLine = "";
        for (int r = 0; r < runs; r++)
        {
            var (code, output) = Exec(file, [.. prefix, .. peer.Arguments(members)], TimeSpan.FromMinutes(5));
            lastLine = output.Trim().Split('\n').LastOrDefault() ?? "";
            var match = Throughput().Match(output);
            if (code != 0 || !match.Success)
                return PeerResult.Missing($"failed (exit {code}): {lastLine}");
            rates.Add(double.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture));
            seconds.Add(double.Parse(match.Groups["secs"].Value, CultureInfo.InvariantCulture));
            log.WriteLine($"    {peer.Name} run {r + 1}/{runs}: {lastLine}");
        }
        return new PeerResult(Stats.Median(seconds), Stats.Median(rates), null);
    }

    private (string? Exe, string? Error) Build(PeerSpec peer)
    {
        if (builds.TryGetValue(peer.Source, out var cached))
            return cached;
        var source = SourcePath(peer);
        var exe = Path.Combine(buildDir, Path.GetFileNameWithoutExtension(peer.Source));
        (string?, string?) result;
        if (File.Exists(exe) && File.GetLastWriteTimeUtc(exe) >= File.GetLastWriteTimeUtc(source))
        {
            result = (exe, null);
        }
        else
        {
            Directory.CreateDirectory(buildDir);
            log.WriteLine($"  building {peer.Source}: g++ -O3 -march=native -fopenmp -o {exe}");
            var (code, output) = Exec("g++", ["-O3", "-march=native", "-fopenmp", "-o", exe, source], TimeSpan.FromMinutes(5));
            result = code == 0 ? (exe, null)
                : output.Contains("boost", StringComparison.OrdinalIgnoreCase) && output.Contains("No such file", StringComparison.Ordinal)
                    ? (null, peer.Missing)
                    : (null, code == 127 ? "missing: g++ (apt-get install g++)" : $"build failed: {output.Trim().Split('\n').FirstOrDefault()}");
        }
        builds[peer.Source] = result;
        return result;
    }

    private static bool? numpy;

    private static bool PythonHasNumpy() => numpy ??= File.Exists("/usr/bin/python3") && Exec("/usr/bin/python3", ["-c", "import numpy"], TimeSpan.FromMinutes(1)).Code == 0;

    private static (int Code, string Output) Exec(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                return (124, $"timed out after {timeout.TotalSeconds:F0} s");
            }
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, e.Message);
        }
    }

    [GeneratedRegex(@":\s*(?<secs>[0-9.]+)\s*s,\s*(?<rate>[0-9.]+(?:e[+-]?[0-9]+)?)\s+(?:member|trajectory)-steps/s", RegexOptions.IgnoreCase)]
    private static partial Regex Throughput();
}

/// <summary>A peer's median loop time and throughput, or why it did not run.</summary>
internal sealed record PeerResult(double Seconds, double Rate, string? Problem)
{
    public static PeerResult Missing(string why) => new(double.NaN, double.NaN, why);
}
