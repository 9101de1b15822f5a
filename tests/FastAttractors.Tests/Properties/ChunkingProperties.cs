using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Properties;

/// <summary>Chunked = unchunked, bit for bit; shared parameters = the same values given per member, bit for bit.</summary>
public class ChunkingProperties
{
    public static class Arbs
    {
        public static Arbitrary<EnsembleCase> Cases() => Generators.Cases(maxN: 24, maxMembers: 120);
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 15)]
    public void Chunked_equals_unchunked_on_IlgpuCpu(EnsembleCase c, PositiveInt chunk)
    {
        var engine = EngineCache.Get(Backend.IlgpuCpu);
        var problem = c.Problem();
        var whole = engine.Integrate(problem, c.Solver, c.Steps, SaveAt.EveryNthStep(2), new IntegrateOptions { Precision = Precision.Float32 });
        var split = engine.Integrate(problem, c.Solver, c.Steps, SaveAt.EveryNthStep(2),
            new IntegrateOptions { Precision = Precision.Float32, ChunkMembers = 1 + chunk.Get % c.Members });
        Assert.Equal(whole.FinalStates, split.FinalStates);
        Assert.Equal(whole.Trajectory, split.Trajectory);
        Assert.Equal(whole.Status, split.Status);
    }

    [Property(MaxTest = 20)]
    public void Shared_equals_per_member_when_equal(PositiveInt seed, bool simd)
    {
        int n = 1 + seed.Get % 20, members = 1 + seed.Get % 37;
        var w = Weights.SparseGaussian(n, 1.5, 0.5, null, seed.Get);
        var perMember = ParameterBlock.PerMemberRows("W", Enumerable.Repeat(w.Values, members).ToArray());
        var x0 = InitialStates.Normal(n, members, 1.0, seed.Get);
        var engine = EngineCache.Get(simd ? Backend.Simd : Backend.IlgpuCpu);
        var options = new IntegrateOptions { Precision = Precision.Float32 };
        var a = engine.Integrate(new EnsembleProblem(new TanhRnn(w), x0, members), new Rk4(0.02), 15, options: options);
        var b = engine.Integrate(new EnsembleProblem(new TanhRnn(perMember), x0, members), new Rk4(0.02), 15, options: options);
        Assert.Equal(a.FinalStates, b.FinalStates);
    }

    [Fact]
    public void Simd_results_do_not_depend_on_ensemble_size()
    {
        // Member m of a 37-member run equals member m of a 5-member run: tiles and padding never leak across members.
        var big = TanhRnn.Random(12, 1.5, 0.5, 37, seed: 3);
        var small = TanhRnn.Random(12, 1.5, 0.5, 5, seed: 3);
        var engine = EngineCache.Get(Backend.Simd);
        var a = engine.Integrate(new EnsembleProblem(big, InitialStates.Normal(12, 37, 1, 4), 37), new Rk4(0.01), 50);
        var b = engine.Integrate(new EnsembleProblem(small, InitialStates.Normal(12, 5, 1, 4), 5), new Rk4(0.01), 50);
        for (int m = 0; m < 5; m++)
            Assert.Equal(b.FinalState(m), a.FinalState(m));
    }
}
