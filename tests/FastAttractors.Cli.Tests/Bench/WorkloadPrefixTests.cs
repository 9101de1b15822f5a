using FastAttractors.Bench;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

public class WorkloadPrefixTests
{
    public static TheoryData<string> Ids => new(Workloads.All.Select(w => w.Id));

    /// <summary>
    /// The Reference cross-check runs the first members of the problem a backend ran: W3 and W5 sweep a parameter over
    /// the members (g, ρ), so their subsample must be those same members, not a coarser sweep over fewer.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Subsamples_are_the_first_members_of_the_full_problem(string id)
    {
        var w = Workloads.Get(id);
        var full = w.Build(64);
        var first = w.BuildFirst(64, 5);

        Assert.Equal(5, first.Members);
        for (int m = 0; m < 5; m++)
        {
            for (int i = 0; i < w.Dimension; i++)
                Assert.Equal(full.InitialStates[(long)i * 64 + m], first.InitialStates[(long)i * 5 + m]);
        }
        var (fullBlocks, firstBlocks) = (Blocks(full.Model), Blocks(first.Model));
        Assert.Equal(fullBlocks.Count, firstBlocks.Count);
        for (int b = 0; b < fullBlocks.Count; b++)
        {
            for (int p = 0; p < fullBlocks[b].Length; p++)
            {
                for (int m = 0; m < 5; m++)
                    Assert.Equal(fullBlocks[b].Get(p, m), firstBlocks[b].Get(p, m));
            }
        }
    }

    [Fact]
    public void The_sweeps_do_differ_from_a_coarser_sweep_so_the_test_above_can_fail()
    {
        // Lorenz ρ of member 1: 21/63 in the 64-member sweep, 21/4 in a 5-member one.
        Assert.NotEqual(((Lorenz)Workloads.W5.Build(64).Model).Parameters.Get(1, 1), ((Lorenz)Workloads.W5.Build(5).Model).Parameters.Get(1, 1));
        Assert.NotEqual(((TanhRnn)Workloads.W3.Build(64).Model).W.Get(0, 1), ((TanhRnn)Workloads.W3.Build(5).Model).W.Get(0, 1));
    }

    private static IReadOnlyList<ParameterBlock> Blocks(IEnsembleModel model) => model switch
    {
        TanhRnn t => [t.W, t.B, t.Tau],
        Lorenz l => [l.Parameters],
        _ => throw new ArgumentException($"model: no parameter list for {model.GetType().Name}.", nameof(model)),
    };
}
