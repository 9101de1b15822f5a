using System.Diagnostics;
using FastAttractors.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FastAttractors.Tests.Adjoint;

/// <summary>Allocation counts are only this test's while no other test runs: xUnit runs this collection alone.</summary>
[CollectionDefinition(nameof(GradientMemoryTests), DisableParallelization = true)]
public sealed class GradientMemoryCollection;

/// <summary>Checkpointing keeps a long gradient's memory at n · (steps/C + C) per member, not n · steps (docs/explanations/rk4-and-adjoint.md).</summary>
[Collection(nameof(GradientMemoryTests))]
public class GradientMemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// 100,000 RK4 steps of a 16-unit TanhRnn, one member, on the Reference backend. Not 256 units: the Reference
    /// adjoint costs ≈ 11 ms a step at n = 256 (dense W cotangent, n² tanh per stage), 20 minutes for 100,000 steps;
    /// both memory budgets scale with n, so their ratio (≈ √steps / 2 ≈ 158) is the same at n = 16. Measured: the
    /// gradient allocates ≈ 93 KB on its thread against n (steps/C + C) · 8 = 81 KB and n · steps · 8 = 12.8 MB.
    /// Allocations on the calling thread (Parallel.For runs a single member inline on it) exclude the runtime's
    /// background work (tiered JIT), which adds up to ≈ 0.8 MB to the process-wide count; that count is held only to
    /// "far below the trajectory". A 20,000-step warm-up moves JIT tier-up out of the measurement.
    /// </summary>
    [Fact]
    public void Hundred_thousand_step_gradient_stores_checkpoints_not_the_trajectory()
    {
        const int n = 16;
        const long steps = 100_000;
        var model = TanhRnn.Random(n, 1.5, 0.5, null, seed: 5);
        var problem = new EnsembleProblem(model, InitialStates.Normal(n, 1, 1.0, 6), 1);
        var engine = EngineCache.Get(Backend.Reference);
        var loss = Loss.Terminal(new double[n], n);
        engine.Gradient(problem, new Rk4(0.01), 20_000, loss);
        long processBefore = GC.GetTotalAllocatedBytes(precise: true);
        long threadBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var grads = engine.Gradient(problem, new Rk4(0.01), steps, loss);
        clock.Stop();
        long thread = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
        long process = GC.GetTotalAllocatedBytes(precise: true) - processBefore;

        int c = grads.CheckpointInterval;
        double checkpointed = 8.0 * n * ((steps + c - 1) / c + c), trajectory = 8.0 * n * steps;
        output.WriteLine($"n {n}, {steps} steps, C {c}: {thread} B on the gradient's thread, {process} B process-wide; "
            + $"n (steps/C + C) · 8 = {checkpointed} B, n · steps · 8 = {trajectory} B; {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(GradientStatus.Ok, grads.Status[0]);
        Assert.Equal(316, c); // √100,000
        // The checkpoints and one segment must be there (so the thread count saw the work), plus results and the
        // plan's small arrays (≤ 32 KB here), and nothing that grows with the steps. Parallel.For runs the one member
        // on the calling thread unless a pool replica claims it first, which happened once on a heavily loaded
        // machine (this thread then allocated almost nothing): the process-wide count is then the measure.
        if (thread >= checkpointed)
            Assert.InRange(thread, checkpointed, 1.25 * checkpointed + 32_768);
        else
            Assert.InRange(process, checkpointed, trajectory / 4);
        Assert.True(process < trajectory / 4, $"process-wide allocations {process} B against the trajectory's {trajectory} B");
    }
}
