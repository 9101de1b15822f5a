using FastAttractors.Training;

namespace FastAttractors.Native;

/// <summary>
/// The estimator of a network's leading Lyapunov exponents that fa_degeneracy_study_full hands to
/// <see cref="Degeneracy.DegeneracyStudy.Run"/>: the CLI's (src/Cli/Training/TrainSpectrum.cs, which the C ABI cannot
/// reference), on the context's engine where the CLI uses its --backend. The autonomous map h ← tanh(W h + b) through
/// <see cref="RnnAutonomousMap"/>: one member from a small random start, float64, transient 500 iterations, QR every
/// 10, spec "lyapunovIterations" iterations; k + 1 exponents are computed and the bias unit's (≈ −12.5, the one nearest
/// to it) removed. A change to one must be made to the other: DegeneracyFullExportTests compares the two.
/// </summary>
internal static class DegeneracyExponents
{
    /// <summary>The estimator for <paramref name="spec"/>, or null when it asks for no exponents.</summary>
    public static Func<RnnParameters, int, double[]>? For(Engine engine, Degeneracy.DegeneracyStudySpec spec)
    {
        // A continuous-time study's exponents come from its Euler map inside DegeneracyStudy (as in the CLI).
        if (spec.Exponents == 0 || spec.Dynamics.IsContinuous)
            return null;
        int iterations = spec.LyapunovIterations;
        long seed = spec.Seed;
        return (parameters, k) => Leading(engine, parameters, k, iterations, seed);
    }

    /// <summary>
    /// Runs the estimator once on a zero network of the smallest width (microseconds), so that "lyapunovIterations" the
    /// engine cannot use (fewer QR intervals than its standard-error blocks) is refused, named, before training rather
    /// than after it, where the CLI's run fails. Nothing to check when the spec asks for no exponents.
    /// </summary>
    public static void CheckBeforeTraining(Engine engine, Degeneracy.DegeneracyStudySpec spec)
    {
        var estimator = For(engine, spec);
        if (estimator is null)
            return;
        var task = spec.Task.Train;
        var shape = new RnnShape(spec.Widths.Min(), task.Inputs, task.Outputs);
        try
        {
            estimator(new RnnParameters(shape, new double[shape.Count]), spec.Exponents);
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

    private static double[] Leading(Engine engine, RnnParameters parameters, int k, int iterations, long seed)
    {
        var problem = RnnAutonomousMap.Problem(parameters, 1, seed);
        var spectrum = engine.Lyapunov(problem, MapIteration.Instance, Options(iterations, k)).Spectrum(0);
        // The bias unit's exponent is the one within 0.05 of its known value; failing that, the smallest.
        int drop = Enumerable.Range(0, spectrum.Length).Where(i => Math.Abs(spectrum[i] - RnnAutonomousMap.BiasExponent) < 0.05)
            .DefaultIfEmpty(spectrum.Length - 1).First();
        return [.. spectrum.Where((_, i) => i != drop).Take(k)];
    }

    // k + 1: the bias unit's exponent is among them and is removed.
    private static LyapunovOptions Options(int iterations, int k) =>
        new() { Transient = 500, Duration = iterations, Every = 10, Exponents = k + 1, Precision = Precision.Float64 };
}
