namespace FastAttractors.Bench.Gradient;

/// <summary>
/// The gradient-cost workloads: TanhRnn (g = 1.5, dense, τ = 1), RK4 dt 0.01, 1,000 steps, float32, terminal loss
/// ½ |x(T) − y|², default checkpointing (C ≈ √steps = 32). "n16" has a W per member (4,096 members), "n64" one W shared
/// by all (1,024 members). Built the same way by the BenchmarkDotNet class and the <c>gradient</c> runner, so that
/// Engine.Gradient and Engine.Integrate time exactly the same problem.
/// </summary>
internal sealed record GradientWorkload(string Id, int N, bool PerMemberW, int DefaultMembers)
{
    public const long Steps = 1_000;
    public const double Dt = 0.01;

    public static readonly GradientWorkload[] All = [new("n16", 16, true, 4_096), new("n64", 64, false, 1_024)];

    public static GradientWorkload Get(string id) =>
        All.FirstOrDefault(w => w.Id == id)
        ?? throw new ArgumentException($"unknown gradient workload '{id}'; valid: {string.Join(", ", All.Select(w => w.Id))}.", nameof(id));

    public Rk4 Solver { get; } = new(Dt);

    public static IntegrateOptions IntegrateOptions { get; } = new() { Precision = Precision.Float32 };

    public static GradientOptions GradientOptions { get; } = new() { Precision = Precision.Float32 };

    public EnsembleProblem Build(int members) =>
        new(TanhRnn.Random(N, 1.5, 1.0, PerMemberW ? members : null, seed: 41), InitialStates.Normal(N, members, 1.0, 42), members);

    /// <summary>y_i = 0.1 sin i, one target for all members.</summary>
    public Loss Loss() => FastAttractors.Loss.Terminal(Enumerable.Range(0, N).Select(i => 0.1 * Math.Sin(i)).ToArray(), N);

    public override string ToString() => $"TanhRnn n = {N} ({(PerMemberW ? "W per member" : "shared W")})";
}
