using System.Globalization;
using FastAttractors.Cli.Commands;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The files of <c>stability</c>, each written atomically: stability.parquet (one row per member: system, σ, draw,
/// status, the k exponents as lambda_1 … lambda_6 (NaN past k), the zero count), stability_summary.parquet (one row
/// per system and σ: λ1 median / quartiles / range, zero-count mean and median, the fraction keeping all zero
/// exponents) and stability.png.
/// </summary>
internal static class StabilityOutputs
{
    /// <summary>Exponent columns in the member table (the most any built-in system computes: the PTA's full 6).</summary>
    public const int ExponentColumns = 6;

    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<StabilityResult> results, StabilitySettings settings, Backend backend)
    {
        var metadata = new Dictionary<string, string>
        {
            ["command"] = "fastattractors stability",
            ["version"] = typeof(Engine).Assembly.GetName().Version?.ToString() ?? "",
            ["backend"] = backend.ToString(),
            ["sigmas"] = string.Join(",", settings.Sigmas.Select(s => s.ToString("R", CultureInfo.InvariantCulture))),
            ["members_per_sigma"] = settings.MembersPerSigma.ToString(CultureInfo.InvariantCulture),
            ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["threshold"] = settings.Threshold.ToString("R", CultureInfo.InvariantCulture),
            ["draws"] = settings.Draws.ToString(),
            ["quick"] = settings.Quick ? "true" : "false",
            ["noise"] = "W + sigma*xi, xi_ij ~ N(0, 1/n), counter-based (purpose 50)",
            ["time_unit"] = "tau (every system has tau = 1)",
        };
        var memberMetadata = Describe(results, settings, backend).Setting("per_member_columns", "system,sigma,draw").AddTo(metadata);
        var summaryMetadata = Describe(results, settings, backend).Setting("rows", "one per system and sigma, over its members").AddTo(metadata);
        var paths = new List<string>();
        try
        {
            string members = Path.Combine(directory, "stability.parquet");
            ColumnsParquet.Write(members, MemberColumns(results, settings.Threshold), memberMetadata);
            string summary = Path.Combine(directory, "stability_summary.parquet");
            ColumnsParquet.Write(summary, SummaryColumns(results, settings.Threshold), summaryMetadata);
            string png = Path.Combine(directory, "stability.png");
            var bytes = StabilityPlot.Render(results, settings.Threshold);
            AtomicFile.Write(png, s => s.Write(bytes));
            paths.AddRange([members, summary, png]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--out: writing results to '{directory}' failed: {e.Message}", e);
        }
        return paths;
    }

    /// <summary>
    /// Members are the rows of stability.parquet: each one's parameters are its system, σ and noise draw (columns, named there);
    /// the seed, threshold and σ list are shared. Every system has τ = 1, so exponents are per τ.
    /// </summary>
    private static ResultMetadata Describe(IReadOnlyList<StabilityResult> results, StabilitySettings settings, Backend backend)
    {
        string precision = string.Join(",", results.Select(r => r.Spectra.Precision == Precision.Float32 ? "float32" : "float64").Distinct().DefaultIfEmpty("float64"));
        var meta = new ResultMetadata("stability", backend.ToString(), precision, ResultMetadata.FlowTime + " (tau; every system has tau = 1)")
            .Setting("systems", string.Join(",", settings.Systems.Select(s => s.Key)))
            .Setting("draws", settings.Draws.ToString())
            .Shared("seed", settings.Seed).Shared("members_per_sigma", (long)settings.MembersPerSigma).Shared("threshold", settings.Threshold)
            .Unit("sigma", "dimensionless (weight-noise scale)").Unit("lambda_1_standard_error", ResultMetadata.FlowRate)
            .Unit("zero_count", "count").Unit("threshold", ResultMetadata.FlowRate);
        for (int i = 1; i <= ExponentColumns; i++)
            meta.Unit($"lambda_{i}", ResultMetadata.FlowRate);
        foreach (var column in new[] { "lambda1_median", "lambda1_q1", "lambda1_q3", "lambda1_min", "lambda1_max" })
            meta.Unit(column, ResultMetadata.FlowRate);
        return meta;
    }

    private static List<(string, Array)> MemberColumns(IReadOnlyList<StabilityResult> results, double threshold)
    {
        var system = new List<string>(); var sigma = new List<double>(); var point = new List<int>(); var draw = new List<int>();
        var status = new List<string>(); var zeros = new List<int>(); var k = new List<int>(); var error1 = new List<double>();
        var lambdas = Enumerable.Range(0, ExponentColumns).Select(_ => new List<double>()).ToArray();
        foreach (var r in results)
        {
            for (int m = 0; m < r.Ensemble.Members; m++)
            {
                var spectrum = r.Spectra.Spectrum(m);
                system.Add(r.System.Key); sigma.Add(r.Ensemble.SigmaOf(m)); point.Add(r.Ensemble.PointOf(m)); draw.Add(r.Ensemble.DrawOf(m));
                status.Add(SpectrumTable.StatusName(r.Spectra.Status[m])); zeros.Add(SigmaStatistics.ZeroCount(spectrum, threshold));
                k.Add(r.Spectra.K); error1.Add(r.Spectra.Errors(m)[0]);
                for (int i = 0; i < ExponentColumns; i++)
                    lambdas[i].Add(i < spectrum.Length ? spectrum[i] : double.NaN);
            }
        }
        var columns = new List<(string, Array)>
        {
            ("system", system.ToArray()), ("sigma", sigma.ToArray()), ("sigma_index", point.ToArray()), ("draw", draw.ToArray()),
            ("status", status.ToArray()), ("k", k.ToArray()), ("zero_count", zeros.ToArray()), ("lambda_1_standard_error", error1.ToArray()),
        };
        for (int i = 0; i < ExponentColumns; i++)
            columns.Add(($"lambda_{i + 1}", lambdas[i].ToArray()));
        return columns;
    }

    private static List<(string, Array)> SummaryColumns(IReadOnlyList<StabilityResult> results, double threshold)
    {
        var rows = results.SelectMany(r => r.Summary.Select(s => (r.System, s))).ToArray();
        return
        [
            ("system", rows.Select(r => r.System.Key).ToArray()), ("sigma", rows.Select(r => r.s.Sigma).ToArray()),
            ("members", rows.Select(r => r.s.Members).ToArray()), ("diverged", rows.Select(r => r.s.Diverged).ToArray()),
            ("not_converged", rows.Select(r => r.s.NotConverged).ToArray()),
            ("lambda1_median", rows.Select(r => r.s.Lambda1Median).ToArray()), ("lambda1_q1", rows.Select(r => r.s.Lambda1Lower).ToArray()),
            ("lambda1_q3", rows.Select(r => r.s.Lambda1Upper).ToArray()), ("lambda1_min", rows.Select(r => r.s.Lambda1Min).ToArray()),
            ("lambda1_max", rows.Select(r => r.s.Lambda1Max).ToArray()), ("zero_count_mean", rows.Select(r => r.s.ZeroCountMean).ToArray()),
            ("zero_count_median", rows.Select(r => r.s.ZeroCountMedian).ToArray()),
            ("fraction_keeping_zeros", rows.Select(r => r.s.FractionKeepingZeros).ToArray()),
            ("expected_zeros", rows.Select(r => r.System.ExpectedZeroExponents).ToArray()),
            ("threshold", rows.Select(_ => threshold).ToArray()),
        ];
    }
}
