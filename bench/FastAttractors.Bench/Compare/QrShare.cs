using System.Globalization;

namespace FastAttractors.Bench.Compare;

/// <summary>
/// How a Lyapunov workload's time splits between the RK4 propagation (state and tangents) and the QR steps, measured
/// by difference: the same run with QR every <see cref="RareEvery"/> steps instead of every E does the same
/// propagation and 1 − E/<see cref="RareEvery"/> of the QRs fewer, so the QRs of the real run cost
/// (t_E − t_rare) / (1 − E/<see cref="RareEvery"/>). The QR step includes everything done per interval (the
/// factorisation, the log |R_ii| sums, the tangent frame's copy back), so this is the share a faster QR could save.
/// </summary>
internal static class QrShare
{
    /// <summary>
    /// 50 divides W3's 500 transient and 1,500 accumulated steps (10 and 30 intervals, ≥ the 10 blocks), so the
    /// propagation is step for step the same.
    /// </summary>
    public const int RareEvery = 50;

    /// <summary>The QR share of <paramref name="seconds"/> (the run with the workload's own Every) and a note describing it.</summary>
    public static (double Share, string Note) Measure(Engine engine, Workload w, int members, int runs, double seconds)
    {
        var options = w.Lyapunov!;
        if (options.Every >= RareEvery)
            return (double.NaN, "");
        var (rare, _) = EngineTimer.MeasureLyapunov(engine, w, members, runs, options with { Every = RareEvery });
        double share = (seconds - rare) / (1 - (double)options.Every / RareEvery) / seconds;
        return (share, string.Create(CultureInfo.InvariantCulture,
            $"QR {100 * share:F1} % / propagation {100 * (1 - share):F1} % of the time (QR every {options.Every}: {seconds:F4} s vs every {RareEvery}: {rare:F4} s, median of {runs})"));
    }
}
