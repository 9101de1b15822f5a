using FastAttractors.Training;

namespace FastAttractors.Cli.Training;

/// <summary>
/// The leading k Lyapunov exponents (per iteration) of a network's autonomous map h ← tanh(W h + b), through
/// <see cref="Engine.Lyapunov"/> on <see cref="RnnAutonomousMap"/>: one member from a small random start, float64,
/// transient 500 iterations, QR every 10. k + 1 exponents are computed and the bias unit's (≈ −12.5, the one nearest to it) removed.
/// </summary>
internal static class TrainSpectrum
{
    public static double[] Compute(Engine engine, RnnParameters parameters, int k, int iterations, long seed)
    {
        if (k == 0)
            return [];
        var problem = RnnAutonomousMap.Problem(parameters, 1, seed);
        var options = new LyapunovOptions { Transient = 500, Duration = iterations, Every = 10, Exponents = k + 1, Precision = Precision.Float64 };
        var spectrum = engine.Lyapunov(problem, MapIteration.Instance, options).Spectrum(0);
        double biasUnit = RnnAutonomousMap.BiasExponent;
        int drop = Enumerable.Range(0, spectrum.Length).Where(i => Math.Abs(spectrum[i] - biasUnit) < 0.05).DefaultIfEmpty(spectrum.Length - 1).First();
        return spectrum.Where((_, i) => i != drop).Take(k).ToArray();
    }
}
