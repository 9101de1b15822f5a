namespace FastAttractors.Cli.Specs;

/// <summary>
/// The scalar parameters of the built-in low-dimensional flows: Lorenz σ, ρ, β and Rössler a, b, c. Each defaults to
/// the textbook value, must be finite, and is refused for a model that does not have it (a silently ignored flag would
/// make a result file claim a parameter the run did not use).
/// </summary>
internal static class ModelParameters
{
    public const double Sigma = 10.0, Rho = 28.0, Beta = 8.0 / 3.0;
    public const double RosslerA = 0.2, RosslerB = 0.2, RosslerC = 5.7;

    /// <summary>The Hénon map's classic a and b, which the CLI always uses (no flags).</summary>
    public const double HenonA = 1.4, HenonB = 0.3;

    public static IntegrateSpec Resolve(IntegrateSpec spec, IntegrateSpec resolved)
    {
        string model = resolved.Model!;
        if (model != "lorenz")
        {
            foreach (var (value, field) in new[] { (spec.Sigma, "sigma"), (spec.Rho, "rho"), (spec.Beta, "beta") })
                SpecResolver.Reject(value, field, $"applies only to model lorenz, not '{model}'");
        }
        if (model != "rossler")
        {
            foreach (var (value, field) in new[] { (spec.RosslerA, "rossler_a"), (spec.RosslerB, "rossler_b"), (spec.RosslerC, "rossler_c") })
                SpecResolver.Reject(value, field, $"applies only to model rossler, not '{model}'");
        }
        return model switch
        {
            "lorenz" => resolved with
            {
                Sigma = Finite("sigma", spec.Sigma ?? Sigma), Rho = Finite("rho", spec.Rho ?? Rho), Beta = Finite("beta", spec.Beta ?? Beta),
            },
            "rossler" => resolved with
            {
                RosslerA = Finite("rossler_a", spec.RosslerA ?? RosslerA), RosslerB = Finite("rossler_b", spec.RosslerB ?? RosslerB),
                RosslerC = Finite("rossler_c", spec.RosslerC ?? RosslerC),
            },
            _ => resolved,
        };
    }

    private static double Finite(string field, double value) =>
        double.IsFinite(value) ? value : throw SpecResolver.Bad(field, value, "must be finite");
}
