using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace FastAttractors.Bench.Compare;

/// <summary>
/// W1 on Simd in a child process per runtime setting, since DOTNET_PreferredVectorBitWidth (and the older
/// DOTNET_MaxVectorTBitWidth) are read when the runtime starts. The child prints the Vector&lt;float&gt;.Count it got,
/// so a row says what actually ran, not what was asked for. The baseline child has both variables removed.
/// </summary>
internal static class VectorWidthProbe
{
    public static IReadOnlyList<(string Label, (string Name, string? Value)[] Env)> Settings { get; } =
    [
        ("default", [("DOTNET_PreferredVectorBitWidth", null), ("DOTNET_MaxVectorTBitWidth", null)]),
        ("PreferredVectorBitWidth=512", [("DOTNET_PreferredVectorBitWidth", "512"), ("DOTNET_MaxVectorTBitWidth", null)]),
        ("PreferredVectorBitWidth=512 MaxVectorTBitWidth=512", [("DOTNET_PreferredVectorBitWidth", "512"), ("DOTNET_MaxVectorTBitWidth", "512")]),
    ];

    /// <summary>The child side: <c>probe W1 RUNS</c> prints one PROBE line.</summary>
    public static int RunChild(IReadOnlyList<string> args)
    {
        var w = Workloads.Get(args.Count > 0 ? args[0] : "W1");
        int runs = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        using var engine = Engine.Create(Backend.Simd);
        int members = w.MembersFor(Backend.Simd, SizeClass.Small);
        var (seconds, _, _) = EngineTimer.Measure(engine, w, members, runs);
        Console.WriteLine(FormattableString.Invariant(
            $"PROBE count={Vector<float>.Count} v512={Vector512.IsHardwareAccelerated} members={members} median={seconds}"));
        return 0;
    }

    /// <summary>The parent side: one row per setting, or a row saying why the child failed.</summary>
    public static IEnumerable<CompareRow> Run(Workload w, int runs, TextWriter log)
    {
        foreach (var (label, env) in Settings)
        {
            var psi = SelfStartInfo();
            psi.ArgumentList.Add("probe");
            psi.ArgumentList.Add(w.Id);
            psi.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
            // The probe sets the runtime's variables itself: the child must not relaunch with its own choice.
            psi.Environment[Machine.VectorWidthPolicy.OverrideVariable] = "native";
            psi.Environment.Remove(Machine.VectorWidthPolicy.RelaunchedVariable);
            foreach (var (name, value) in env)
            {
                if (value is null)
                    psi.Environment.Remove(name);
                else
                    psi.Environment[name] = value;
            }
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("PROBE ", StringComparison.Ordinal));
            if (p.ExitCode != 0 || line is null)
            {
                yield return new CompareRow(w, $"FastAttractors Simd [{label}]", false, false, 0, double.NaN, double.NaN, $"probe failed (exit {p.ExitCode})");
                continue;
            }
            var fields = line[6..].Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
            int members = int.Parse(fields["members"], CultureInfo.InvariantCulture);
            double seconds = double.Parse(fields["median"], CultureInfo.InvariantCulture);
            log.WriteLine($"  probe [{label}]: Vector<float>.Count = {fields["count"]}, Vector512 accelerated = {fields["v512"]}, median {seconds:F4} s");
            yield return new CompareRow(w, $"FastAttractors Simd [{label}]", false, false, members, seconds, (double)members * w.Steps / seconds,
                $"child process; Vector<float>.Count={fields["count"]}, Vector512 accel={fields["v512"]}");
        }
    }

    private static ProcessStartInfo SelfStartInfo()
    {
        var path = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
            psi.ArgumentList.Add(typeof(VectorWidthProbe).Assembly.Location);
        return psi;
    }
}
