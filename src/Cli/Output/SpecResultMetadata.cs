using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The metadata of an integrate, lyapunov or adjoint result, from the resolved spec that ran (backend and precision
/// as used): the model's parameters per member (g of a gain sweep) or shared (connectivity, α, θ, Lorenz σ ρ β,
/// Rössler a b c, Hénon a b), the seed, dimension and step, and the units of time and of rates.
/// </summary>
internal static class SpecResultMetadata
{
    public static ResultMetadata Of(string command, IntegrateSpec used)
    {
        bool map = used.Kind == "map";
        int members = used.Members!.Value;
        var meta = new ResultMetadata(command, used.Backend ?? "unknown", used.Precision ?? "float64",
            map ? ResultMetadata.MapTime : ResultMetadata.FlowTime);
        meta.Setting("model", used.Model!).Setting("kind", used.Kind!);
        if (!map)
            meta.Setting("method", used.Method ?? "rk4");
        if (used.Weights is { } weights)
            meta.Setting("weights", weights);
        if (used.PtaScan is { } scan)
            meta.Setting("pta_scan", scan);
        meta.Shared("n", (long)used.N!.Value).Shared("members", (long)members).Shared("seed", used.Seed!.Value).Shared("x0_std", used.X0Std!.Value);
        if (used.Dt is { } dt)
            meta.Shared("dt", dt);
        if (used.G is not null)
            meta.PerMember("g", Enumerable.Range(0, members).Select(m => RunFactory.GainOf(used, members, m)!.Value).ToArray());
        foreach (var (name, value) in new[]
        {
            ("connectivity", used.Connectivity), ("alpha", used.Alpha), ("theta", used.Theta), ("pta_tolerance", used.PtaTolerance),
            ("sigma", used.Sigma), ("rho", used.Rho), ("beta", used.Beta), ("rossler_a", used.RosslerA), ("rossler_b", used.RosslerB),
            ("rossler_c", used.RosslerC),
        })
        {
            if (value is { } v)
                meta.Shared(name, v);
        }
        if (used.Model == "henon")
            meta.Shared("henon_a", ModelParameters.HenonA).Shared("henon_b", ModelParameters.HenonB);
        return meta;
    }

    /// <summary>The unit of a rate (Lyapunov exponent) for the spec's kind: per time unit for flows, per iteration for maps.</summary>
    public static string RateUnit(IntegrateSpec used) => used.Kind == "map" ? ResultMetadata.MapRate : ResultMetadata.FlowRate;

    /// <summary>The unit of time for the spec's kind.</summary>
    public static string TimeUnit(IntegrateSpec used) => used.Kind == "map" ? ResultMetadata.MapTime : ResultMetadata.FlowTime;
}
