using FastAttractors.Training;

namespace FastAttractors.Native;

/// <summary>
/// The exponents estimator fa_degeneracy_study_full hands to <see cref="Degeneracy.DegeneracyStudy.Run"/>: the library's
/// <see cref="NetworkSpectrum"/>, the one the CLI's degeneracy uses, on the context's engine where the CLI uses its
/// --backend, so both give the same numbers on the same backend.
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
        return (parameters, k) => NetworkSpectrum.Leading(engine, parameters, k, iterations, seed);
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
            var options = NetworkSpectrum.Options(spec.LyapunovIterations, spec.Exponents);
            throw new ArgumentException(
                $"lyapunovIterations: the exponents' estimator needs at least {options.Blocks} QR intervals of {options.Every} iterations "
                + $"(its standard-error blocks), got {spec.LyapunovIterations} iterations.", "lyapunovIterations", e);
        }
    }
}
