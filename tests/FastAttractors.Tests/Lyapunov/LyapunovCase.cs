using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>
/// A random Lyapunov request: a random small ensemble of <see cref="Generators"/> (every built-in model, shared or
/// per-member parameters) with k leading exponents and a horizon long enough for 20 blocks.
/// </summary>
public sealed record LyapunovCase(EnsembleCase Ensemble, int K, int Every)
{
    public ISolver Solver => Ensemble.Solver;

    public bool IsMap => Solver is MapIteration;

    /// <summary>
    /// Flows: 10 time units of transient, 40 of accumulation; maps: 50 and 400 iterations. Short, since the Reference
    /// path runs them (and every backend maps to it until the fast estimators land): the statistical error this leaves
    /// is what the comparisons below allow for.
    /// </summary>
    public LyapunovOptions Options(Precision precision, int? chunk = null) => new()
    {
        Transient = IsMap ? 50 : 10,
        Duration = IsMap ? 400 : 40,
        Every = Every,
        Exponents = K,
        Blocks = 20,
        Precision = precision,
        ChunkMembers = chunk,
    };

    public override string ToString() => $"{Ensemble} k={K} every={Every}";

    /// <summary>
    /// n ≤ 8 and ≤ 6 members keep one case to milliseconds on the scalar Reference path. Every: 5 or 10 steps for
    /// flows (QR every 0.025–0.5 time units); 1 or 2 iterations for maps, because a float32 frame loses a contracting
    /// direction once the spread of growth rates over one interval exceeds 1/ε32 (Hénon: e^(2·2.04) ≈ 60 per 2
    /// iterations is fine; e^(10·2.04) over 10 would not be).
    /// </summary>
    public static Arbitrary<LyapunovCase> Arbitrary() =>
        (from e in Generators.Cases(maxN: 8, maxMembers: 6).Generator
         from kFraction in Gen.Choose(1, 100)
         from everyIndex in Gen.Choose(0, 1)
         let n = e.Dimension
         let k = Math.Max(1, (n * kFraction + 99) / 100)
         let every = e.Solver is MapIteration ? 1 + everyIndex : 5 + 5 * everyIndex
         select new LyapunovCase(e with { Steps = 0 }, k, every)).ToArbitrary();
}
