namespace FastAttractors.Training;

/// <summary>
/// The leading k Lyapunov exponents (per iteration) of a trained network's autonomous map h ← tanh(W h + b), through
/// <see cref="Engine.Lyapunov"/> on <see cref="RnnAutonomousMap"/>: one member from a small random start, float64,
/// transient 500 iterations, QR every 10. k + 1 exponents are computed and the bias unit's removed (the one within 0.05
/// of <see cref="RnnAutonomousMap.BiasExponent"/>; failing that, the smallest). The CLI's <c>train</c> and
/// <c>degeneracy</c> commands and the C ABI's degeneracy study all call this one estimator, so their exponents agree
/// bit for bit on the same backend.
/// </summary>
public static class NetworkSpectrum
{
    /// <summary>The k leading exponents of <paramref name="parameters"/>' autonomous map (empty when k = 0).</summary>
    /// <param name="engine">The engine whose backend runs the spectrum.</param>
    /// <param name="parameters">The network.</param>
    /// <param name="k">How many exponents (at most the width).</param>
    /// <param name="iterations">Iterations accumulated after the transient.</param>
    /// <param name="seed">Seed of the random start.</param>
    /// <exception cref="ArgumentException">Settings <see cref="Engine.Lyapunov"/> refuses (e.g. too few iterations for its blocks).</exception>
    public static double[] Leading(Engine engine, RnnParameters parameters, int k, int iterations, long seed)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(parameters);
        if (k == 0)
            return [];
        var problem = RnnAutonomousMap.Problem(parameters, 1, seed);
        var spectrum = engine.Lyapunov(problem, MapIteration.Instance, Options(iterations, k)).Spectrum(0);
        int drop = Enumerable.Range(0, spectrum.Length).Where(i => Math.Abs(spectrum[i] - RnnAutonomousMap.BiasExponent) < 0.05)
            .DefaultIfEmpty(spectrum.Length - 1).First();
        return [.. spectrum.Where((_, i) => i != drop).Take(k)];
    }

    /// <summary>
    /// Refuses, naming "lyapunovIterations", a degeneracy study whose exponents this estimator could not compute: it
    /// runs the estimator once on a zero network of the smallest width (microseconds), so a duration the engine
    /// cannot use (fewer QR intervals than its standard-error blocks) is refused before training, not after it. Nothing
    /// to check when the study asks for no exponents or its networks are continuous-time (their exponents come from the
    /// study's own Euler-map estimate). The CLI's degeneracy and the C ABI's study call this before training.
    /// </summary>
    /// <exception cref="ArgumentException">"lyapunovIterations" too short for the estimator's blocks.</exception>
    public static void CheckStudy(Engine engine, Degeneracy.DegeneracyStudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Exponents == 0 || spec.Dynamics.IsContinuous)
            return;
        var task = spec.Task.Train;
        var shape = new RnnShape(spec.Widths.Min(), task.Inputs, task.Outputs);
        try
        {
            Leading(engine, new RnnParameters(shape, new double[shape.Count]), spec.Exponents, spec.LyapunovIterations, spec.Seed);
        }
        catch (ArgumentException e)
        {
            // The exponent count is checked against the widths already: what is left to refuse is the duration.
            var options = Options(spec.LyapunovIterations, spec.Exponents);
            throw new ArgumentException(
                $"lyapunovIterations: the exponents' estimator needs at least {options.Blocks} QR intervals of {options.Every} iterations "
                + $"(its standard-error blocks), got {spec.LyapunovIterations} iterations.", "lyapunovIterations", e);
        }
    }

    /// <summary>The estimator's settings for <paramref name="iterations"/> and k: k + 1 exponents, because the bias unit's is among them.</summary>
    public static LyapunovOptions Options(int iterations, int k) =>
        new() { Transient = 500, Duration = iterations, Every = 10, Exponents = k + 1, Precision = Precision.Float64 };
}
