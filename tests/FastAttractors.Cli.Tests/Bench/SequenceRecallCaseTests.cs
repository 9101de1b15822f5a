using FastAttractors.Cli.Bench;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

/// <summary>W7R in <c>fastattractors bench</c>: W7's recall, timed apart from its (untimed) training.</summary>
public class SequenceRecallCaseTests
{
    [Fact]
    public void W7R_is_a_workload_the_flags_name()
    {
        Assert.Equal(["W7R", "W7"], BenchCases.Parse("w7r,W7", "--workloads").Select(c => c.Id));
        Assert.Equal(new BenchScale(256, 8), BenchCases.W7Recall.Scale(Backend.Reference, BenchSize.Full));
        Assert.Equal(new BenchScale(256, 256), BenchCases.W7Recall.Scale(Backend.Simd, BenchSize.Full));
        Assert.Equal(new BenchScale(8, 8), BenchCases.W7Recall.Scale(Backend.IlgpuCpu, BenchSize.Small));
    }

    [Fact]
    public void Reference_and_Simd_recall_the_same_trials_and_count_their_steps()
    {
        var run = BenchCases.W7Recall.Prepare(BenchSize.Small, 8, 2);
        using var reference = Engine.Create(Backend.Reference);
        using var simd = Engine.Create(Backend.Simd);
        var a = run(reference);
        var b = run(simd);

        Assert.Equal(2, a.Check.Count);
        Assert.Equal(a.Check, b.Check);
        Assert.Equal(a.Units, b.Units);
        // 2 networks × 10 trials: between 20 steps (every trial failed at once) and 20·T (every trial followed the cycle).
        Assert.InRange(a.Units, 20, 20 * 50);
        Assert.Equal((0.0, 2), CrossCheck.Deviation(b.Check, a.Check));
    }
}
