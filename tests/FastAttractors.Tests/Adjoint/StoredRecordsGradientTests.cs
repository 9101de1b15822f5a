using FastAttractors.Adjoint;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>
/// The Simd gradient that keeps the whole trajectory's records (the default when they fit GradientOptions.RecordBudgetMiB)
/// against the checkpoint-and-recompute path it replaces: the recompute reproduces the first forward pass bit for
/// bit, so every output must be the same bits, not merely close.
/// </summary>
public class StoredRecordsGradientTests
{
    private static Loss Terminal(int n) => Loss.Terminal([.. Enumerable.Range(0, n).Select(i => 0.1 * Math.Sin(i))], n);

    /// <summary>Three terms, one at step 0 and two sharing a step, so the loss gradient enters in several segments.</summary>
    private static Loss Running(int n, long steps)
    {
        double[] target = [.. Enumerable.Range(0, n).Select(i => 0.2 * Math.Cos(i))];
        return new Loss([
            new LossTerm(0, new SquaredError(target, n)),
            new LossTerm(steps / 3, new SquaredError(target, n)),
            new LossTerm(steps / 3, new SquaredError([.. target.Select(v => -v)], n)),
            new LossTerm(null, new SquaredError(target, n)),
        ]);
    }

    public static IEnumerable<object[]> Combinations() =>
        from perMemberW in new[] { true, false }
        from precision in new[] { Precision.Float32, Precision.Float64 }
        from method in new[] { "rk4", "heun", "tsit5" }
        from running in new[] { false, true }
        select new object[] { perMemberW, precision, method, running };

    private static ISolver Solver(string method, double dt) =>
        method == "rk4" ? new Rk4(dt) : new ExplicitRk(FastAttractors.Methods.ByName(method), dt);

    /// <summary>
    /// Random TanhRnn problems (n 2–9, 5–20 members: padding lanes in the last tile, 20–90 steps) for every
    /// combination of W per member or shared, float32 or float64, RK4 (unrolled), Heun or Tsit5 (stage loop) and a
    /// terminal or running loss; in every other problem one member is made to overflow (<see cref="Diverge"/>) and fails alone. Kept records, the
    /// default interval's checkpoints (budget 0) and an explicit interval of 7 give the same bits everywhere,
    /// adjoint norms included; the reported interval says which path ran.
    /// </summary>
    [Theory]
    [MemberData(nameof(Combinations))]
    public void Kept_records_give_the_recompute_bits(bool perMemberW, Precision precision, string method, bool running)
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            var random = new Random(seed * 31 + (perMemberW ? 1 : 0));
            int n = random.Next(2, 10), members = random.Next(5, 21), steps = random.Next(20, 91);
            double dt = 0.02 + 0.03 * random.NextDouble(), gain = 1.2 + 0.6 * random.NextDouble();
            var x0 = InitialStates.Normal(n, members, 1.0, seed + 100);
            var model = TanhRnn.Random(n, gain, 1.0, perMemberW ? members : null, seed);
            int diverging = seed % 2 == 0 ? random.Next(members) : -1;
            if (diverging >= 0)
                Diverge(model, x0, n, members, diverging, perMemberW);
            var problem = new EnsembleProblem(model, x0, members);
            var loss = running ? Running(n, steps) : Terminal(n);
            string what = $"seed {seed}: n {n}, {members} members, {steps} steps, {method}, {precision}, W {(perMemberW ? "per member" : "shared")}, {(running ? "running" : "terminal")} loss";
            GradientOptions Options(int? interval, int budget) =>
                new() { CheckpointInterval = interval, RecordBudgetMiB = budget, AdjointNormEvery = 3, Precision = precision };

            var kept = Gradient(problem, Solver(method, dt), steps, loss, Options(null, 256));
            var checkpointed = Gradient(problem, Solver(method, dt), steps, loss, Options(null, 0));
            var explicitInterval = Gradient(problem, Solver(method, dt), steps, loss, Options(7, 256));

            Assert.Equal(steps, kept.CheckpointInterval);
            Assert.Equal(GradientPlan.DefaultCheckpointInterval(steps), checkpointed.CheckpointInterval);
            Assert.Equal(7, explicitInterval.CheckpointInterval);
            if (diverging >= 0 && (perMemberW || precision == Precision.Float32))
                Assert.Equal(GradientStatus.ForwardDiverged, kept.Status[diverging]);
            SameBits(checkpointed, kept, what + " (kept records against the default interval's recompute)");
            SameBits(explicitInterval, kept, what + " (kept records against C = 7)");
        }
    }

    /// <summary>
    /// Hénon (a map: one stage per step) with member 4 escaping to infinity mid-run: ForwardDiverged at the same step
    /// and the same bits for every member whether the records were kept or recomputed every 4 steps.
    /// </summary>
    [Theory]
    [InlineData(Precision.Float32)]
    [InlineData(Precision.Float64)]
    public void A_member_diverging_mid_run_fails_at_the_same_step_either_way(Precision precision)
    {
        int members = 9;
        var x0 = InitialStates.Normal(2, members, 0.05, 3);
        x0[4] = 10;
        var problem = new EnsembleProblem(new Henon(), x0, members);
        var loss = Loss.Terminal([0.1, 0.1], 2);
        var kept = Gradient(problem, MapIteration.Instance, 30, loss, new() { Precision = precision, AdjointNormEvery = 1 });
        var recomputed = Gradient(problem, MapIteration.Instance, 30, loss, new() { Precision = precision, AdjointNormEvery = 1, CheckpointInterval = 4 });
        Assert.Equal(30, kept.CheckpointInterval);
        Assert.Equal(GradientStatus.ForwardDiverged, kept.Status[4]);
        Assert.InRange(kept.FailedStep[4], 1L, 29L);
        SameBits(recomputed, kept, $"Henon {precision}");
    }

    /// <summary>
    /// A run whose records exceed the budget checkpoints at the default interval: n = 64 float64, RK4, one tile (one
    /// worker) keeps 64 + 4 · (2 · 64 + 2 · 64) = 1,088 lane vectors of 32 bytes a step, 3.5 MB for 100 steps, over a
    /// 1 MiB budget and under a 4 MiB one.
    /// </summary>
    [Fact]
    public void Records_over_the_budget_fall_back_to_checkpoints()
    {
        const int n = 64, members = 3, steps = 100;
        var problem = new EnsembleProblem(TanhRnn.Random(n, 1.5, 1.0, null, 8), InitialStates.Normal(n, members, 1.0, 9), members);
        var loss = Terminal(n);
        var over = Gradient(problem, new Rk4(0.02), steps, loss, new() { RecordBudgetMiB = 1 });
        var under = Gradient(problem, new Rk4(0.02), steps, loss, new() { RecordBudgetMiB = 4 });
        Assert.Equal(10, over.CheckpointInterval);
        Assert.Equal(steps, under.CheckpointInterval);
        SameBits(over, under, "TanhRnn n = 64 over and under the budget");
    }

    /// <summary>The Reference backend always checkpoints: it ignores the record budget.</summary>
    [Fact]
    public void Reference_keeps_its_checkpoints()
    {
        var problem = new EnsembleProblem(TanhRnn.Random(3, 1.2, 1.0, null, 1), InitialStates.Normal(3, 2, 1.0, 2), 2);
        var grads = EngineCache.Get(Backend.Reference).Gradient(problem, new Rk4(0.01), 100, Terminal(3));
        Assert.Equal(10, grads.CheckpointInterval);
    }

    /// <summary>
    /// Makes one member blow up in its first step. W per member: its W at double.MaxValue and x0 at 1, so W tanh(x)
    /// overflows to ∞ and −∞ + ∞ follows (both precisions). Shared W: x0 at 1e300, ∞ once converted to float32 (float64
    /// carries it without overflow, so that member stays finite there).
    /// </summary>
    private static void Diverge(TanhRnn model, double[] x0, int n, int members, int member, bool perMemberW)
    {
        for (int i = 0; i < n; i++)
            x0[(long)i * members + member] = perMemberW ? 1.0 : 1e300;
        if (perMemberW)
            for (int p = 0; p < n * n; p++)
                model.W.Values[(long)p * members + member] = double.MaxValue;
    }

    private static EnsembleGradients Gradient(EnsembleProblem problem, ISolver solver, long steps, Loss loss, GradientOptions options) =>
        EngineCache.Get(Backend.Simd).Gradient(problem, solver, steps, loss, options);

    private static void SameBits(EnsembleGradients expected, EnsembleGradients actual, string what)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.FailedStep, actual.FailedStep);
        SameBits(expected.Loss, actual.Loss, what + ": loss");
        SameBits(expected.InitialStates, actual.InitialStates, what + ": dL/dx0");
        for (int b = 0; b < expected.Parameters.Count; b++)
            SameBits(expected.Parameters[b].Values, actual.Parameters[b].Values, $"{what}: {expected.Parameters[b].Name}");
        Assert.Equal(expected.AdjointNorms is null, actual.AdjointNorms is null);
        if (expected.AdjointNorms is { } norms)
            SameBits(norms, actual.AdjointNorms!, what + ": adjoint norms");
    }

    private static void SameBits(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"{what}: entry {i} is {actual[i]:R}, the recompute gave {expected[i]:R}");
        }
    }
}
