using System.CommandLine;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// The flags that describe a model and its ensemble, shared by <c>integrate</c> and <c>lyapunov</c> (one instance per
/// command). Nullable: a flag that is not given leaves the spec file's (or the default spec's) value in place.
/// </summary>
internal sealed class ModelFlags
{
    public Option<string?> Spec { get; } = new("--spec") { Description = "JSON spec file (fields as the flags, snake_case); flags given as well override it." };

    public Option<string?> Model { get; } = new("--model") { Description = $"Model: {string.Join(" | ", SpecResolver.Models)}. Without --model and --spec, the embedded default spec runs." };
    public Option<string?> Kind { get; } = new("--kind") { Description = "flow | map (tanh-of-linear has both; henon is a map)." };
    public Option<int?> N { get; } = new("--n") { Description = "Dimension (matrix models)." };
    public Option<int?> Members { get; } = new("--members") { Description = "Ensemble size." };
    public Option<double?> G { get; } = new("--g") { Description = "Gain g of the sparse Gaussian weights (default 1.5); with --g-end the gain of member 0." };
    public Option<double?> GEnd { get; } = new("--g-end") { Description = "Sweep g linearly over members from --g to this." };
    public Option<double?> Connectivity { get; } = new("--connectivity") { Description = "Connection probability p_c in (0, 1] (default 1)." };
    public Option<string?> Weights { get; } = new("--weights") { Description = "sparse-gaussian (default) | block-rotation | pta (blocks drawn from --pta-scan)." };
    public Option<double?> Alpha { get; } = new("--alpha") { Description = "Block scale α of every 2×2 block (block-rotation)." };
    public Option<double?> Theta { get; } = new("--theta") { Description = "Block angle θ in radians of every 2×2 block (block-rotation)." };
    public Option<string?> PtaScan { get; } = new("--pta-scan") { Description = "pta: scan directory or Parquet file (rotation-map for maps, rotation-flow for flows) or CSV whose zero-exponent region the blocks come from." };
    public Option<double?> PtaTolerance { get; } = new("--pta-tolerance") { Description = "pta: a scan row is in the region when its status is ok and |λ1| < this (default 1e-3)." };
    public Option<double?> Sigma { get; } = new("--sigma") { Description = "Lorenz σ (default 10)." };
    public Option<double?> Rho { get; } = new("--rho") { Description = "Lorenz ρ (default 28)." };
    public Option<double?> Beta { get; } = new("--beta") { Description = "Lorenz β (default 8/3)." };
    public Option<double?> RosslerA { get; } = new("--rossler-a") { Description = "Rössler a (default 0.2)." };
    public Option<double?> RosslerB { get; } = new("--rossler-b") { Description = "Rössler b (default 0.2)." };
    public Option<double?> RosslerC { get; } = new("--rossler-c") { Description = "Rössler c (default 5.7)." };
    public Option<double?> Dt { get; } = new("--dt") { Description = "Step of the Runge–Kutta method (flows; --method, default rk4)." };
    public Option<string?> Precision { get; } = CommonOptions.Precision();
    public Option<long?> Seed { get; } = new("--seed") { Description = "Seed of weights and initial states (default 1)." };
    public Option<double?> X0Std { get; } = CommonOptions.X0Std();
    public Option<string?> Backend { get; } = CommonOptions.Backend();
    public Option<int?> ChunkMembers { get; } = new("--chunk-members") { Description = "Members per device chunk (results do not depend on it)." };

    public IEnumerable<Option> All =>
        [Spec, Model, Kind, N, Members, G, GEnd, Connectivity, Weights, Alpha, Theta, PtaScan, PtaTolerance, Sigma, Rho, Beta, RosslerA, RosslerB, RosslerC, Dt, Precision, Seed, X0Std, Backend, ChunkMembers];

    /// <summary>The spec fields set by flags (unset fields null).</summary>
    public IntegrateSpec ToSpec(ParseResult p) => new()
    {
        Model = p.GetValue(Model),
        Kind = p.GetValue(Kind),
        N = p.GetValue(N),
        Members = p.GetValue(Members),
        G = p.GetValue(G),
        GEnd = p.GetValue(GEnd),
        Connectivity = p.GetValue(Connectivity),
        Weights = p.GetValue(Weights),
        Alpha = p.GetValue(Alpha),
        Theta = p.GetValue(Theta),
        PtaScan = p.GetValue(PtaScan),
        PtaTolerance = p.GetValue(PtaTolerance),
        Sigma = p.GetValue(Sigma),
        Rho = p.GetValue(Rho),
        Beta = p.GetValue(Beta),
        RosslerA = p.GetValue(RosslerA),
        RosslerB = p.GetValue(RosslerB),
        RosslerC = p.GetValue(RosslerC),
        Dt = p.GetValue(Dt),
        Precision = p.GetValue(Precision),
        Seed = p.GetValue(Seed),
        X0Std = p.GetValue(X0Std),
        Backend = p.GetValue(Backend),
        ChunkMembers = p.GetValue(ChunkMembers),
    };

    /// <summary>
    /// The spec file if given, else the embedded default (<paramref name="readDefault"/>) when no model is named, else
    /// nothing; then <paramref name="fromFlags"/> on top.
    /// </summary>
    public IntegrateSpec Read(ParseResult parse, IntegrateSpec fromFlags, Func<IntegrateSpec> readDefault)
    {
        var basis = parse.GetValue(Spec) is { } path ? SpecReader.ReadFile(path)
            : fromFlags.Model is null ? readDefault()
            : new IntegrateSpec();
        return basis.Overlay(fromFlags);
    }
}
