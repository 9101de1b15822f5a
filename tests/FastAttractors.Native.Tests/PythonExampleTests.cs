using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>native/examples/scan.py run with Debian's python3 + numpy; its λ1, λ2 and |x(T)| compared with the managed API on the inputs it dumps.</summary>
public sealed partial class PythonExampleTests
{
    public const string Python = "/usr/bin/python3";

    [Fact]
    public void ScanExampleMatchesTheManagedApi()
    {
        string root = NativeBuild.RepositoryRoot;
        _ = NativeBuild.BuildDirectory;
        using var temp = new TempDirectory();
        var run = ChildProcess.Run(Python, ["native/examples/scan.py", "--dump", temp.Path], root);
        Assert.True(run.ExitCode == 0, "scan.py failed (needs python3-numpy): " + run.Describe());

        var header = Header().Match(run.Stdout);
        Assert.True(header.Success, run.Describe());
        int n = int.Parse(header.Groups["n"].Value, CultureInfo.InvariantCulture);
        int members = int.Parse(header.Groups["members"].Value, CultureInfo.InvariantCulture);
        var rows = Row().Matches(run.Stdout);
        Assert.True(rows.Count == members, run.Describe());

        var w = ReadDoubles(temp.File("w.f64"));    // (n, n, members) C order = member-fastest
        var x0 = ReadDoubles(temp.File("x0.f64"));  // (n, members)
        var problem = new EnsembleProblem(new TanhRnn(ParameterBlock.PerMemberSoa("W", n * n, members, w)), x0, members);
        using var engine = Engine.Create(Backend.Simd);
        var les = engine.Lyapunov(problem, new Rk4(0.05), new LyapunovOptions { Transient = 50, Duration = 400, Every = 10, Exponents = 2 });
        var final = engine.Integrate(problem, new Rk4(0.05), steps: 2000);

        for (int m = 0; m < members; m++)
        {
            var row = rows[m].Groups;
            // Same Simd code, same input bits; the script prints 16 significant digits.
            Close.Equal(les.Exponents[m * 2], Parse(row["l1"].Value), 1e-13, 1e-15, $"member {m} λ1");
            Close.Equal(les.Exponents[m * 2 + 1], Parse(row["l2"].Value), 1e-13, 1e-15, $"member {m} λ2");
            double norm = Math.Sqrt(final.FinalState(m).Sum(x => x * x));
            // numpy's norm sums in another order than this loop: 1e-12 relative covers n = 32 roundings.
            Close.Equal(norm, Parse(row["norm"].Value), 1e-12, 1e-300, $"member {m} |x(T)|");
        }
    }

    private static double[] ReadDoubles(string path) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"n = (?<n>\d+), (?<members>\d+) gains")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*\d+\.\d+\s+(?<l1>[+-]\S+) \([^)]*\)\s+(?<l2>[+-]\S+)\s+(?<norm>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
