using System.Globalization;
using Spectre.Console;

namespace FastAttractors.Cli.Output;

/// <summary>
/// Spectra as a table, one row per member or system: the leading exponents with their standard errors, then the
/// diagnostics. A Spectre.Console table on a terminal, plain aligned columns otherwise (scripts, tests, files).
/// </summary>
internal static class SpectrumTable
{
    /// <summary>Exponents shown per row; the rest are in the .npz (or listed separately for a single member).</summary>
    public const int ShownExponents = 6;

    public sealed record Row(string Label, double[] Exponents, double[] Errors, double SumRuleResidual, double KaplanYorke,
        double PositiveSum, string Status);

    /// <summary>Row <paramref name="member"/> of <paramref name="spectra"/>.</summary>
    public static Row RowOf(LyapunovSpectra spectra, int member, string label) =>
        new(label, spectra.Spectrum(member), spectra.Errors(member), spectra.SumRuleResidual[member],
            spectra.KaplanYorkeDimension[member], spectra.PositiveSum[member], StatusName(spectra.Status[member]));

    public static string StatusName(LyapunovStatus status) => status switch
    {
        LyapunovStatus.Ok => "ok",
        LyapunovStatus.Diverged => "diverged",
        LyapunovStatus.NotConverged => "not converged",
        _ => status.ToString(),
    };

    public static void Write(TextWriter stdout, IReadOnlyList<Row> rows, string labelHeader, bool interactive)
    {
        var (header, cells) = Cells(rows, labelHeader);
        if (interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            var table = new Table().AddColumns(header.Select(h => new TableColumn(Markup.Escape(h))).ToArray());
            foreach (var row in cells)
                table.AddRow(row.Select(Markup.Escape).ToArray());
            console.Write(table);
            return;
        }
        stdout.Write(Plain(header, cells));
    }

    /// <summary>Plain text, columns padded to their widest cell and separated by two spaces.</summary>
    public static string Plain(IReadOnlyList<string> header, IReadOnlyList<string[]> cells)
    {
        var widths = header.Select((h, c) => cells.Select(r => r[c].Length).Prepend(h.Length).Max()).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var line in cells.Prepend(header.ToArray()))
            text.AppendLine(string.Join("  ", line.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        return text.ToString();
    }

    public static (string[] Header, List<string[]> Cells) Cells(IReadOnlyList<Row> rows, string labelHeader)
    {
        int k = rows.Count == 0 ? 0 : rows.Max(r => r.Exponents.Length);
        int shown = Math.Min(k, ShownExponents);
        var header = new List<string> { labelHeader };
        for (int i = 0; i < shown; i++)
            header.Add($"λ{i + 1} ± SE");
        if (k > shown)
            header.Add("…");
        header.AddRange(["Σλ − ⟨tr J⟩", "D_KY", "Σλ⁺", "status"]);
        var cells = new List<string[]>();
        foreach (var r in rows)
        {
            var line = new List<string> { r.Label };
            for (int i = 0; i < shown; i++)
                line.Add(i < r.Exponents.Length ? WithError(r.Exponents[i], r.Errors[i]) : "");
            if (k > shown)
                line.Add(r.Exponents.Length > shown ? $"+{r.Exponents.Length - shown}" : "");
            line.AddRange([Number(r.SumRuleResidual), Number(r.KaplanYorke), Number(r.PositiveSum), r.Status]);
            cells.Add([.. line]);
        }
        return ([.. header], cells);
    }

    public static string WithError(double value, double error) => $"{Number(value)} ± {Number(error)}";

    /// <summary>Four decimals in the usual range, scientific notation for tiny or huge values, "-" for NaN (not computed).</summary>
    public static string Number(double v) => v switch
    {
        double.NaN => "-",
        0 => "0",
        _ when Math.Abs(v) is >= 1e-3 and < 1e5 => v.ToString("0.0000", CultureInfo.InvariantCulture),
        _ => v.ToString("0.00e+0", CultureInfo.InvariantCulture),
    };
}
