using FsCheck;
using FsCheck.Fluent;

namespace FastAttractors.Tests.Support;

/// <summary>
/// A short random Lyapunov run: an <see cref="EnsembleCase"/> model and ensemble, k leading exponents (1..n), a QR
/// interval of <see cref="Every"/> steps, a transient and an accumulation counted in whole intervals.
/// </summary>
public sealed record ShortLyapunovCase(EnsembleCase Ensemble, int K, int Every, int TransientIntervals, int AccumulateIntervals)
{
    /// <summary>Time between QRs: Every steps of dt (flows) or Every iterations (maps).</summary>
    public double Interval => Every * (Ensemble.Solver is MapIteration ? 1.0 : Ensemble.Dt);

    public LyapunovOptions Options(Precision precision, int? chunk = null) => new()
    {
        Exponents = K,
        Every = Every,
        Transient = TransientIntervals * Interval,
        Duration = AccumulateIntervals * Interval,
        Precision = precision,
        ChunkMembers = chunk,
    };

    public long TotalSteps => (long)(TransientIntervals + AccumulateIntervals) * Every;
}

public static class LyapunovGenerators
{
    /// <summary>
    /// n ≤ <paramref name="maxN"/>, members ≤ <paramref name="maxMembers"/>, flows at most (2 + 14)·3 = 48 steps: a chaotic
    /// member (largest exponent ≲ 1 per time unit) amplifies rounding by e^(λ·48·0.05) ≲ e^2.4. Maps get at most
    /// (2 + 12)·2 = 28 iterations (e^(0.42·28) ≈ 10⁵ for Hénon), or with <paramref name="shortMaps"/> exactly 10
    /// (Every 1, no transient: e^4.2 ≈ 70), for float32, whose rounding would otherwise be amplified past 1e-2.
    /// </summary>
    public static Arbitrary<ShortLyapunovCase> Cases(int maxN, int maxMembers, bool shortMaps = false) =>
        (from c in Generators.Cases(maxN, maxMembers).Generator
         let map = c.Solver is MapIteration
         from kFraction in Gen.Choose(1, 1000)
         from every in Gen.Choose(1, map ? (shortMaps ? 1 : 2) : 3)
         from transient in Gen.Choose(0, map && shortMaps ? 0 : 2)
         from accumulate in Gen.Choose(10, map ? (shortMaps ? 10 : 12) : 14)
         let k = 1 + (kFraction - 1) * c.Dimension / 1000
         select new ShortLyapunovCase(c, k, every, transient, accumulate)).ToArbitrary();
}
