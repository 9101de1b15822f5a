using System.Globalization;
using System.Text;
using FastAttractors.Cli.Commands;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The files of <c>systems</c>, each written atomically: systems.md and systems.csv (spectrum ± standard error per
/// system with the expected values), SYSTEM.png per system and systems.png with all five.
/// </summary>
internal static class SystemsOutputs
{
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<SystemResult> results, Backend backend, bool quick)
    {
        var paths = new List<string>();
        try
        {
            string md = Path.Combine(directory, "systems.md"), csv = Path.Combine(directory, "systems.csv");
            AtomicFile.WriteText(md, Markdown(results, backend, quick));
            AtomicFile.WriteText(csv, Csv(results));
            paths.AddRange([md, csv]);
            foreach (var r in results)
            {
                string png = Path.Combine(directory, r.System.Key + ".png");
                var bytes = SystemsPlot.RenderOne(r);
                AtomicFile.Write(png, s => s.Write(bytes));
                paths.Add(png);
            }
            string all = Path.Combine(directory, "systems.png");
            var figure = SystemsPlot.RenderAll(results);
            AtomicFile.Write(all, s => s.Write(figure));
            paths.Add(all);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--out: writing results to '{directory}' failed: {e.Message}", e);
        }
        return paths;
    }

    public static string Markdown(IReadOnlyList<SystemResult> results, Backend backend, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"Spectra of the five systems of Fig. 3 on {backend}{(quick ? " (--quick)" : "")}: exponent ± standard error, per τ for the linear and ReLU systems and per second for the tanh networks (τ = 10 ms)."));
        text.AppendLine();
        text.AppendLine("| system | definition | k / n | T | spectrum ± SE | expected | max error | status |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var s = r.Spectra;
            var spectrum = string.Join(", ", s.Spectrum(0).Select((v, i) => SpectrumTable.WithError(v, s.Errors(0)[i])));
            text.AppendLine(Inv($"| {r.System.Title} | {r.System.Definition} | {s.K} / {s.Dimension} | {s.AccumulationTime:0.###} {r.System.TimeUnit} | {spectrum} | {Expected(r.System)} | {MaxError(r)} | {SpectrumTable.StatusName(s.Status[0])} |"));
        }
        return text.ToString();
    }

    public static string Csv(IReadOnlyList<SystemResult> results)
    {
        var text = new StringBuilder("system,unit,index,exponent,standard_error,expected\n");
        foreach (var r in results)
        {
            var s = r.Spectra;
            for (int i = 0; i < s.K; i++)
            {
                string expected = r.System.ExpectedSpectrum is { } e ? e[i].ToString("R", CultureInfo.InvariantCulture) : "";
                text.Append(Inv($"{r.System.Key},{r.System.TimeUnit},{i + 1},{s.Spectrum(0)[i]:R},{s.Errors(0)[i]:R},{expected}\n"));
            }
        }
        return text.ToString();
    }

    private static string Expected(CanonicalSystem system) => system.ExpectedSpectrum is { } e && system.Key == "one-fixed-point"
        ? $"Re eig(A) = {string.Join(", ", e.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture)))}"
        : system.Expected;

    /// <summary>max_i |λ_i − expected_i| over the computed exponents, where the spectrum is known.</summary>
    public static string MaxError(SystemResult r) => r.System.ExpectedSpectrum is not { } e ? "-"
        : SpectrumTable.Number(r.Spectra.Spectrum(0).Select((v, i) => Math.Abs(v - e[i])).Max());

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
