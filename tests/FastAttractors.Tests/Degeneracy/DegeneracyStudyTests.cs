using FastAttractors.Degeneracy;
using FastAttractors.Training;
using Xunit;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>
/// A study trains every condition's networks, analyses each, compares each condition's pairs at every level, and keeps
/// going when some networks diverge; bad specs are refused naming the field.
/// </summary>
public class DegeneracyStudyTests
{
    private static readonly DegeneracyStudySpec Tiny = new()
    {
        Task = DegeneracyTask.Create("flipflop", 20),
        Widths = [8, 12],
        Networks = 3,
        Training = new EnsembleOptions { BatchSize = 16, TrainSize = 64, TestSize = 16, Epochs = 3 },
        AnalysisTrials = 4,
        OutOfDistributionTrials = 8,
        FixedPointStarts = 8,
        Dsa = new DsaOptions { Rank = 4, Delays = 2, RandomStarts = 1, MaxIterations = 200 },
    };

    [Fact]
    public void Every_network_gets_a_row_every_pair_of_a_condition_a_distance_and_every_condition_a_summary()
    {
        var result = DegeneracyStudy.Run(Tiny);
        Assert.Equal(6, result.Networks.Count);
        Assert.Equal(2 * 3, result.Pairs.Count); // C(3, 2) pairs in each of 2 conditions
        Assert.Equal(["n=8 none", "n=12 none"], result.Conditions.Select(c => c.Condition));
        Assert.All(result.Networks, r =>
        {
            Assert.True(r.Usable, r.Failure);
            Assert.True(r.OodLoss > 0 && double.IsFinite(r.OodLoss));
            Assert.True(double.IsFinite(r.MdsDynamics.X) && double.IsFinite(r.MdsWeights.Y));
            Assert.Equal(2 * Tiny.Task.Train.Steps, r.Trajectory.Count);
        });
        Assert.All(result.Pairs, p =>
        {
            Assert.Equal(result.Networks[p.First].Condition, p.Condition);
            Assert.Equal(result.Networks[p.Second].Condition, p.Condition);
            Assert.True(p.Dsa >= 0 && p.WeightFrobenius > 0 && p.Cka is > 0 and <= 1 + 1e-12);
            // Exact enumeration up to n = 8 (the limit for exact enumeration); the wider condition gets the matching upper bound.
            Assert.Equal(result.Networks[p.First].Width <= 8, p.WeightExact);
            Assert.Equal(Math.Abs(result.Networks[p.First].OodLoss - result.Networks[p.Second].OodLoss), p.Behaviour, 12);
        });
        var summary = result.Conditions[0];
        var ood = result.Networks.Where(r => r.Width == 8).Select(r => r.OodLoss).ToArray();
        double mean = ood.Average();
        Assert.Equal(Math.Sqrt(ood.Sum(x => (x - mean) * (x - mean)) / 2), summary.OodLossSd, 12);
        Assert.Equal(result.Pairs.Where(p => p.Condition == "n=8 none").Average(p => p.Dsa), summary.MeanDsa, 12);
    }

    [Fact]
    public void A_condition_whose_networks_diverge_gets_their_rows_and_leaves_the_other_condition_unchanged()
    {
        // λ = 1e300 makes the L2 penalty +∞ at the first step: every network of that condition diverges at once.
        var spec = Tiny with { Widths = [8], Regularisers = [RnnRegulariser.None, new RnnRegulariser(RegulariserKind.L2, 1e300)] };
        var result = DegeneracyStudy.Run(spec);
        var diverged = result.Networks.Where(r => r.Regulariser != "none").ToArray();
        Assert.Equal(3, diverged.Length);
        Assert.All(diverged, r => Assert.Equal(EnsembleMemberStatus.Diverged, r.Status));
        Assert.All(diverged, r => Assert.Contains("diverged", r.Failure));
        Assert.Equal(0, result.Conditions[1].Usable);
        Assert.Equal(3, result.Conditions[1].Diverged);
        var alone = DegeneracyStudy.Run(Tiny with { Widths = [8] });
        Assert.Equal(alone.Networks.Select(r => r.OodLoss), result.Networks.Where(r => r.Regulariser == "none").Select(r => r.OodLoss));
        Assert.Equal(alone.Pairs.Select(p => p.Dsa), result.Pairs.Select(p => p.Dsa));
    }

    [Theory]
    [InlineData("Networks")]
    [InlineData("Widths")]
    [InlineData("LossThreshold")]
    [InlineData("Regularisers")]
    public void Bad_specs_are_refused_naming_the_field(string field)
    {
        var spec = field switch
        {
            "Networks" => Tiny with { Networks = 0 },
            "Widths" => Tiny with { Widths = [] },
            "LossThreshold" => Tiny with { Training = Tiny.Training with { LossThreshold = 0 } },
            _ => Tiny with { Regularisers = [new RnnRegulariser(RegulariserKind.L1, double.NaN)] },
        };
        var e = Assert.ThrowsAny<ArgumentException>(() => DegeneracyStudy.Run(spec));
        Assert.StartsWith(field == "Regularisers" ? "Regularisers[0]" : field, e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => DegeneracyTask.Create("flipflop", 0));
        Assert.Throws<ArgumentException>(() => DegeneracyTask.Create("juggling", 10));
    }
}
