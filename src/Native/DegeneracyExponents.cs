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
}
