using FastAttractors.Degeneracy;
using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>
/// The study's DSA noise floor (each network's self-distance), its cross-condition pairs and its input-driven Lyapunov
/// spectra: zero self-distance for a linear network, pairs across conditions exactly when asked for and as many as the
/// usable networks make, and per-network numbers equal to recomputing them from the trained parameters and the
/// documented shared trials.
/// </summary>
public class DegeneracyStudyComparisonTests
{
    private static readonly DegeneracyStudySpec Small = new()
    {
        Task = DegeneracyTask.Create("flipflop", 16),
        Widths = [4, 6],
        Regularisers = [RnnRegulariser.None, new RnnRegulariser(RegulariserKind.L2, 1e-3)],
        Networks = 2,
        Training = new EnsembleOptions { BatchSize = 8, TrainSize = 32, TestSize = 8, Epochs = 2 },
        AnalysisTrials = 4,
        OutOfDistributionTrials = 4,
        FixedPointStarts = 4,
        Dsa = new DsaOptions { Rank = 3, Delays = 2, RandomStarts = 1, MaxIterations = 200 },
    };

    /// <summary>Noise-free trials of h ← M h from standard normal starts, each steps × n.</summary>
    private static double[][,] LinearTrials(double[,] m, int trials, int steps, int seed)
    {
        var rng = new Random(seed);
        int n = m.GetLength(0);
        return [.. Enumerable.Range(0, trials).Select(_ =>
        {
            var t = new double[steps, n];
            var h = Enumerable.Range(0, n).Select(_ => Normal(rng)).ToArray();
            for (int s = 0; s < steps; s++)
            {
                for (int j = 0; j < n; j++) t[s, j] = h[j];
                h = [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => m[i, j] * h[j]))];
            }
            return t;
        })];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_self_distance_of_a_linear_network_is_zero(int delays)
    {
        // Both trial sets of h ← M h span the same n-dimensional subspace of the delay embedding, and z_{t+1} = A z_t holds
        // exactly in any basis of it: the two operators are orthogonally similar and their distance is rounding plus the
        // descent's stopping point (measured 0.9e-15 and 1.4e-15 ‖A‖; 1e-7 ‖A‖ allowed, as for a rotated copy). A different linear
        // network is far above that floor.
        var m = RotationBlocks((0.95, 0.3), (0.8, 1.2));
        var options = new DsaOptions { Delays = delays, Rank = 4, RandomStarts = 2, MaxIterations = 500 };
        var first = DynamicalSimilarity.FitOperator(LinearTrials(m, 3, 40, seed: 1), options);
        double self = NetworkAnalyser.SelfDistance(first, LinearTrials(m, 3, 40, seed: 2), options);
        Assert.True(self <= 1e-7 * Frobenius(first), $"self-distance {self} (‖A‖ = {Frobenius(first)})");
        double other = NetworkAnalyser.SelfDistance(first, LinearTrials(RotationBlocks((0.6, 0.3), (0.9, 0.2)), 3, 40, seed: 2), options);
        Assert.True(other > 0.1, $"distance to another network {other}");
    }

    [Fact]
    public void Cross_condition_pairs_appear_only_when_asked_and_every_cross_pair_is_there()
    {
        var within = DegeneracyStudy.Run(Small);
        var all = DegeneracyStudy.Run(Small with { Pairs = DegeneracyPairs.All });
        Assert.All(all.Networks, r => Assert.True(r.Usable, r.Failure));

        // Within (the default): C(2, 2) = 1 pair in each of the 4 conditions, nothing across, no cross summaries.
        Assert.Equal(4, within.Pairs.Count);
        Assert.All(within.Pairs, p => Assert.False(p.CrossCondition));
        Assert.Empty(within.CrossConditions);

        // All: the same within pairs first, bit for bit, then 2·2 pairs for each of the C(4, 2) = 6 condition pairs.
        Assert.Equal(4 + 6 * 4, all.Pairs.Count);
        Assert.Equal(within.Pairs, all.Pairs.Take(4));
        Assert.Equal(within.Conditions, all.Conditions);
        var cross = all.Pairs.Skip(4).ToArray();
        var rows = all.Networks.ToDictionary(r => r.Index);
        var expectedPairs = new List<(int, int)>();
        var labels = all.Conditions.Select(c => c.Condition).ToArray();
        for (int a = 0; a < labels.Length; a++)
            for (int b = a + 1; b < labels.Length; b++)
                foreach (var x in all.Networks.Where(r => r.Condition == labels[a]))
                    foreach (var y in all.Networks.Where(r => r.Condition == labels[b]))
                        expectedPairs.Add((x.Index, y.Index));
        Assert.Equal(expectedPairs, cross.Select(p => (p.First, p.Second)));
        Assert.All(cross, p =>
        {
            Assert.True(p.CrossCondition);
            Assert.Equal(rows[p.First].Condition, p.Condition);
            Assert.Equal(rows[p.Second].Condition, p.SecondCondition);
            Assert.True(p.Dsa >= 0 && p.Cka is > 0 and <= 1 + 1e-12);
            Assert.Equal(Math.Abs(rows[p.First].OodLoss - rows[p.Second].OodLoss), p.Behaviour, 12);
            // No permutation maps a 4-unit W onto a 6-unit one: the weight distance exists only between equal widths.
            bool sameWidth = rows[p.First].Width == rows[p.Second].Width;
            Assert.Equal(sameWidth, double.IsFinite(p.WeightFrobenius));
            Assert.Equal(sameWidth, double.IsFinite(p.WeightRelative));
            if (!sameWidth) Assert.False(p.WeightExact);
        });
        Assert.Equal(6, all.CrossConditions.Count);
        foreach (var summary in all.CrossConditions)
        {
            var its = cross.Where(p => p.Condition == summary.FirstCondition && p.SecondCondition == summary.SecondCondition).ToArray();
            Assert.Equal(4, summary.Pairs);
            Assert.Equal(its.Length, summary.Pairs);
            Assert.Equal(its.Average(p => p.Dsa), summary.MeanDsa, 12);
            Assert.Equal(its.Average(p => 1 - p.Cka), summary.MeanOneMinusCka, 12);
        }

        // The noise floor: each condition's mean self-distance and the fraction of its pairs above the larger floor.
        Assert.All(all.Networks, r => Assert.True(r.DsaSelf >= 0 && double.IsFinite(r.DsaSelf)));
        foreach (var c in all.Conditions)
        {
            var members = all.Networks.Where(r => r.Condition == c.Condition).ToArray();
            var pairs = all.Pairs.Where(p => p.Condition == c.Condition && !p.CrossCondition).ToArray();
            Assert.Equal(members.Average(r => r.DsaSelf), c.MeanDsaSelf, 12);
            Assert.All(pairs, p => Assert.Equal(Math.Max(rows[p.First].DsaSelf, rows[p.Second].DsaSelf), p.DsaSelfMax));
            Assert.Equal((double)pairs.Count(p => p.Dsa > p.DsaSelfMax) / pairs.Length, c.DsaAboveSelf, 12);
        }
    }

    [Fact]
    public void Self_distances_and_driven_spectra_equal_their_recomputation_from_the_trained_networks()
    {
        // 5 driven exponents: the 6-unit networks get 5, the 4-unit ones 4 and NaN.
        var spec = Small with { Regularisers = [RnnRegulariser.None], DrivenExponents = 5, LyapunovIterations = 200 };
        var result = DegeneracyStudy.Run(spec);
        var members = new List<EnsembleMemberSpec>();
        foreach (var (width, regulariser) in spec.Conditions)
            for (int k = 0; k < spec.Networks; k++)
                members.Add(new EnsembleMemberSpec(spec.Task.Train, width, spec.Init, spec.Seed + k, spec.LearningRate, regulariser,
                    DegeneracyStudySpec.ConditionLabel(width, regulariser)));
        var trained = EnsembleTrainer.Train(members, spec.Training);
        var analysis = TaskBatches.Range(spec.Task.Train, spec.Seed, TaskSplit.Test, DegeneracyStudy.SharedTrialOffset, spec.AnalysisTrials);
        var second = TaskBatches.Range(spec.Task.Train, spec.Seed, TaskSplit.Test, DegeneracyStudy.SelfTrialOffset, spec.AnalysisTrials);
        var drive = DegeneracyStudy.Drive(spec);
        Assert.Equal(DegeneracyStudy.LyapunovTransient + 200, drive.GetLength(0));
        foreach (var row in result.Networks)
        {
            Assert.True(row.Usable, row.Failure);
            var p = trained[row.Index].Final;
            double self = DynamicalSimilarity.OperatorDistance(DynamicalSimilarity.FitOperator(RnnStates.Record(p, analysis), spec.Dsa),
                DynamicalSimilarity.FitOperator(RnnStates.Record(p, second), spec.Dsa), spec.Dsa with { MaxDegreeOfParallelism = 1 });
            Assert.Equal(self, row.DsaSelf);

            int n = p.Shape.Hidden, m = p.Shape.Inputs;
            var u = new double[n, m];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++)
                    u[i, j] = p.U[i * m + j];
            var expected = DrivenLyapunov.Spectrum(RnnStates.RecurrentWeights(p), u, p.B.ToArray(), drive, Math.Min(5, n), DegeneracyStudy.LyapunovTransient);
            Assert.Equal(5, row.DrivenExponents.Length);
            Assert.Equal(expected, row.DrivenExponents.Take(expected.Length));
            Assert.All(row.DrivenExponents.Skip(expected.Length), l => Assert.True(double.IsNaN(l)));
            Assert.All(expected, l => Assert.True(double.IsFinite(l) && l < 0.5, $"exponent {l}"));
            Assert.Empty(row.Exponents); // the autonomous ones stay with the caller's estimator
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => DegeneracyStudy.Run(spec with { DrivenExponents = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DegeneracyStudy.Run(spec with { LyapunovIterations = 0 }));
    }
}
