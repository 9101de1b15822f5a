using FastAttractors.Cli.Tests.Support;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// The scans the PTA-from-scan tests read, run once per class (about a second in all): a 12 × 12 rotation-map grid in
/// two shards, merged; the same grid's first shard alone (an incomplete dataset); a 2 × 2 rotation-flow scan; a
/// tanh-gain scan (no alpha/theta axes).
/// </summary>
public sealed class PtaScanFixture : IDisposable
{
    /// <summary>
    /// α = 0.45 … 1.55 (step 0.1) so no point sits on the marginal line α = 1 (where λ1 = log α → 0 only as 1/T) and
    /// the cells of α = 1.05 span [1, 1.1]; θ = 0.2 … 2.95 (step 0.25). Transient 200 and 2,000 iterations: on the
    /// invariant circles |λ1| ≲ 6e-4, below the default tolerance 1e-3 (λ1 converges like 1/T there).
    /// </summary>
    public static readonly string[] MapGrid =
        ["--family", "rotation-map", "--axis", "alpha=linspace:0.45:1.55:12", "--axis", "theta=linspace:0.2:2.95:12", "--transient", "200", "--duration", "2000", "--chunk", "50"];

    private readonly TempDirectory dir = new();

    public PtaScanFixture()
    {
        for (int i = 0; i < 2; i++)
            Run(ScanRun.Scan(MapDir, [.. MapGrid, "--shard", $"{i}/2"]));
        Run(CliHarness.Run("merge", MapDir));
        Run(ScanRun.Scan(IncompleteDir, [.. MapGrid, "--shard", "0/2"]));
        // α cos θ > 1 at every point: the origin repels and each settles on a limit cycle (|λ1| < 1e-2 after 200 time units).
        Run(ScanRun.Scan(FlowDir, "--family", "rotation-flow", "--axis", "alpha=list:1.6,2.4", "--axis", "theta=list:0.5,0.9", "--transient", "50", "--duration", "200"));
        Run(ScanRun.Scan(GainDir, "--family", "tanh-gain", "--n", "2", "--axis", "g=list:0.5", "--transient", "5", "--duration", "20", "--every", "4"));
    }

    public string MapDir => dir.File("map");
    public string MergedFile => Path.Combine(MapDir, "merged", "scan.parquet");
    public string IncompleteDir => dir.File("incomplete");
    public string FlowDir => dir.File("flow");
    public string GainDir => dir.File("gain");
    public string Scratch(string name) => dir.File(name);

    public void Dispose() => dir.Dispose();

    private static void Run(CliHarness.Result result)
    {
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"fixture scan failed ({result.ExitCode}): {result.Stderr}");
    }
}
