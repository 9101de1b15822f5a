using System.CommandLine;
using System.Globalization;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// <c>fastattractors lyapunov</c>: resolve a spec (file, embedded default or flags; flags override) as integrate does,
/// run it through <see cref="Engine.Lyapunov"/>, print the spectra with diagnostics, write lyapunov.npz, spec.json and
/// lyapunov.png.
/// </summary>
internal static class LyapunovCommand
{
    /// <summary>Members listed in full; larger ensembles get a summary and the first <see cref="ListedMembers"/>.</summary>
    private const int ListedMembers = 8;

    public static Command Create(TextWriter stdout, bool interactive)
    {
        var flags = new LyapunovFlags();
        return CliCommand.Create("lyapunov",
            "Lyapunov spectra (Benettin QR) of an ensemble, with standard errors and diagnostics; with no model or spec, "
            + "the embedded default (leading 4 exponents over a gain sweep of tanh networks).", flags.All,
            parse => Execute(ReadSpec(parse, flags), parse.GetValue(flags.Out)!, stdout, interactive));
    }

    internal static IntegrateSpec ReadSpec(ParseResult parse, LyapunovFlags flags) =>
        flags.Model.Read(parse, flags.ToSpec(parse), SpecReader.ReadDefaultLyapunov);

    internal static int Execute(IntegrateSpec requested, string outDirectory, TextWriter stdout, bool interactive)
    {
        var spec = SpecResolver.ResolveLyapunov(requested);
        var run = RunFactory.CreateLyapunov(spec);
        var (spectra, seconds, directory) = SpecRun.Execute(spec, run.Backend, outDirectory, stdout, engine => engine.Lyapunov(run.Problem, run.Solver, run.Options));

        string unit = spec.Kind == "map" ? "iteration" : "time unit";
        var used = SpecRun.Used(spec, spectra.Backend, spectra.Precision);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exponents per {unit}; k = {spectra.K} of n = {spectra.Dimension}; averaged over T = {spectra.AccumulationTime:0.###} "
            + $"after a transient of {spectra.TransientTime:0.###}; standard errors from {spectra.Blocks} blocks"));
        WriteSpectra(stdout, spectra, run, interactive);
        var paths = SpecRunFiles.WriteLyapunov(directory, spectra, run, used, unit);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{spectra.Members} members in {seconds:0.000} s on {spectra.Backend} ({spectra.Precision})"));
        stdout.WriteLine($"wrote {string.Join(", ", paths)}");
        return ExitCodes.Ok;
    }

    private static void WriteSpectra(TextWriter stdout, LyapunovSpectra spectra, LyapunovRun run, bool interactive)
    {
        int listed = spectra.Members <= ListedMembers ? spectra.Members : 5;
        if (listed < spectra.Members)
            stdout.WriteLine(Summary(spectra) + $"; the first {listed}:");
        var rows = Enumerable.Range(0, listed)
            .Select(m => SpectrumTable.RowOf(spectra, m, run.IsGainSweep ? $"{m} (g = {run.GainOf(m)!.Value.ToString("0.###", CultureInfo.InvariantCulture)})" : $"{m}"))
            .ToList();
        SpectrumTable.Write(stdout, rows, "member", interactive);
        if (spectra.Members == 1 && spectra.K > SpectrumTable.ShownExponents)
        {
            stdout.WriteLine("full spectrum:");
            var all = spectra.Spectrum(0).Select((v, i) => $"λ{i + 1} = {SpectrumTable.WithError(v, spectra.Errors(0)[i])}");
            foreach (var chunk in all.Chunk(4))
                stdout.WriteLine("  " + string.Join("   ", chunk));
        }
    }

    /// <summary>Status counts and the spread of λ1 over the finite members.</summary>
    private static string Summary(LyapunovSpectra spectra)
    {
        int Count(LyapunovStatus s) => spectra.Status.Count(x => x == s);
        var top = Enumerable.Range(0, spectra.Members).Select(m => spectra.Exponents[m * spectra.K]).Where(double.IsFinite).Order().ToArray();
        string spread = top.Length == 0 ? "no finite λ1"
            : $"λ1 min {SpectrumTable.Number(top[0])}, median {SpectrumTable.Number(top[top.Length / 2])}, max {SpectrumTable.Number(top[^1])}";
        return $"members: {Count(LyapunovStatus.Ok)} ok, {Count(LyapunovStatus.NotConverged)} not converged, "
            + $"{Count(LyapunovStatus.Diverged)} diverged; {spread}";
    }
}
