using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Oracles;

/// <summary>A member that goes non-finite is frozen and flagged; the others are bit-for-bit what they are alone.</summary>
public class DivergenceTests
{
    [Theory]
    [MemberData(nameof(BackendCases.AllWithPrecision), MemberType = typeof(BackendCases))]
    public void Exploding_member_is_flagged_and_others_are_untouched(Backend backend, Precision precision)
    {
        const int members = 11, exploding = 6, steps = 400;
        var rates = Enumerable.Range(0, members).Select(m => m == exploding ? 100.0 : -0.5 - 0.1 * m).ToArray();
        var model = new Linear(ParameterBlock.PerMemberRows("A", rates.Select(r => new[] { r }).ToArray()));
        var x0 = InitialStates.Constant(members, 1.0);
        var options = new IntegrateOptions { Precision = precision };
        var engine = EngineCache.Get(backend);
        var sol = engine.Integrate(new EnsembleProblem(model, x0, members), new Rk4(0.1), steps, SaveAt.EveryNthStep(50), options);

        Assert.Equal(MemberStatus.NonFinite, sol.Status[exploding]);
        Assert.InRange(sol.FailedStep[exploding], 0, steps - 1);
        Assert.True(double.IsFinite(sol.Final(exploding, 0)), "a frozen member keeps its last finite state");
        Assert.All(sol.Trajectory!, v => Assert.True(double.IsFinite(v)));
        for (int m = 0; m < members; m++)
        {
            if (m == exploding)
                continue;
            Assert.Equal(MemberStatus.Ok, sol.Status[m]);
            Assert.Equal(-1, sol.FailedStep[m]);
            var alone = engine.Integrate(new EnsembleProblem(Linear.Shared(new[,] { { rates[m] } }), InitialStates.Constant(1, 1.0), 1),
                new Rk4(0.1), steps, options: options);
            Assert.Equal(alone.Final(0, 0), sol.Final(m, 0));
        }
    }

    [Theory]
    [MemberData(nameof(BackendCases.Float64), MemberType = typeof(BackendCases))]
    public void Trajectory_frames_start_at_x0_and_end_at_the_final_state(Backend backend)
    {
        var model = TanhRnn.Random(6, 1.2, 1.0, 3, seed: 1);
        var x0 = InitialStates.Normal(6, 3, 1.0, 2);
        var sol = EngineCache.Get(backend).Integrate(new EnsembleProblem(model, x0, 3), new Rk4(0.1), 30, SaveAt.EveryNthStep(7));
        Assert.Equal(30 / 7 + 1, sol.Frames);
        Assert.Equal(new[] { 0.0, 0.7, 1.4, 2.1, 2.8 }.Select(t => Math.Round(t, 12)), sol.Times!.Select(t => Math.Round(t, 12)));
        for (int m = 0; m < 3; m++)
            for (int i = 0; i < 6; i++)
                Assert.Equal(x0[i * 3 + m], sol.At(0, m, i));
        var exact = EngineCache.Get(backend).Integrate(new EnsembleProblem(model, x0, 3), new Rk4(0.1), 28);
        Compare.Close(Enumerable.Range(0, 3).SelectMany(m => Enumerable.Range(0, 6).Select(i => sol.At(4, m, i))).ToArray(),
            Enumerable.Range(0, 3).SelectMany(m => exact.FinalState(m)).ToArray(), 0, "frame 4 = state after 28 steps");
    }
}
