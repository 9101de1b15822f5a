using FastAttractors.Degeneracy;
using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>
/// A study of continuous-time networks trains them as such and analyses each with its own recurrence: its rows say so,
/// its OOD loss is the continuous network's, its fixed points are those of the flow (TanhNetwork.Continuous with τ = 1/α
/// steps), its autonomous and driven exponents those of its Euler map, computed without the caller's (discrete-map)
/// estimator. The spec's keys dynamics, dtOverTau and method parse case-insensitively and bad values are refused by key.
/// </summary>
public class ContinuousStudyTests
{
    private static readonly DegeneracyStudySpec Spec = new()
    {
        Task = DegeneracyTask.Create("flipflop", 15),
        Widths = [6],
        Networks = 2,
        Dynamics = RnnDynamics.Continuous(0.5),
        Training = new EnsembleOptions { BatchSize = 16, TrainSize = 64, TestSize = 16, Epochs = 3 },
        AnalysisTrials = 4,
        OutOfDistributionTrials = 8,
        FixedPointStarts = 8,
        Dsa = new DsaOptions { Rank = 4, Delays = 2, RandomStarts = 1, MaxIterations = 200 },
        Exponents = 3,
        DrivenExponents = 3,
        LyapunovIterations = 200,
    };

    [Fact]
    public void Continuous_networks_get_the_continuous_analysis()
    {
        var result = DegeneracyStudy.Run(Spec, exponents: (_, _) => throw new InvalidOperationException("the discrete-map estimator was called"));
        var members = Enumerable.Range(0, Spec.Networks).Select(k => new EnsembleMemberSpec(Spec.Task.Train, 6, Spec.Init, Spec.Seed + k, Spec.LearningRate,
            RnnRegulariser.None, DegeneracyStudySpec.ConditionLabel(6, RnnRegulariser.None), Dynamics: Spec.Dynamics)).ToArray();
        var trained = EnsembleTrainer.Train(members, Spec.Training);
        var analysis = TaskBatches.Range(Spec.Task.Train, Spec.Seed, TaskSplit.Test, DegeneracyStudy.SharedTrialOffset, Spec.AnalysisTrials);
        var ood = TaskBatches.Range(Spec.Task.OutOfDistribution, Spec.Seed, TaskSplit.Test, DegeneracyStudy.SharedTrialOffset, Spec.OutOfDistributionTrials);
        var drive = DegeneracyStudy.Drive(Spec);
        foreach (var row in result.Networks)
        {
            Assert.True(row.Usable, row.Failure);
            Assert.Equal("continuous:0.5", row.Dynamics);
            var p = trained[row.Index].Final;
            Assert.Equal(new BatchedRnnGradient(p.Shape, 1, Spec.Dynamics).Compute(p, ood, null).Mean, row.OodLoss);
            Assert.NotEqual(new BatchedRnnGradient(p.Shape, 1).Compute(p, ood, null).Mean, row.OodLoss, 6);

            // Fixed points of the flow from the same starts: the same count and classes as the row's.
            var trials = RnnStates.Record(p, analysis, Spec.Dynamics);
            var starts = FixedPointFinder.SampleStarts(trials, Spec.FixedPointStarts, Spec.Seed + row.Index);
            var flow = TanhNetwork.Continuous(RnnStates.RecurrentWeights(p), p.B.ToArray(), tau: 2.0);
            var points = FixedPointFinder.Find(flow, starts, Spec.FixedPoints with { MaxDegreeOfParallelism = 1, Seed = Spec.Seed + row.Index }).FixedPoints.ToArray();
            Assert.Equal(points.Length, row.FixedPoints);
            Assert.Equal(points.Count(f => f.Stability == StabilityClass.Stable), row.StableFixedPoints);
            Assert.All(points, f => Assert.True(flow.Speed(f.State) < 1e-10, $"speed {flow.Speed(f.State)}"));

            var u = new double[6, p.Shape.Inputs];
            for (int i = 0; i < 6; i++)
                for (int j = 0; j < p.Shape.Inputs; j++)
                    u[i, j] = p.U[i * p.Shape.Inputs + j];
            var driven = DrivenLyapunov.ContinuousSpectrum(RnnStates.RecurrentWeights(p), u, p.B.ToArray(), drive, 3, DegeneracyStudy.LyapunovTransient, 0.5);
            Assert.Equal(driven, row.DrivenExponents);
            Assert.Equal(NetworkAnalyser.AutonomousContinuousSpectrum(p, Spec, 3), row.Exponents);
            // The Euler map of a leaky network contracts at least like 1 − α in directions W does not feed: finite, below 0.5 per step.
            Assert.All(row.Exponents.Concat(row.DrivenExponents), l => Assert.True(double.IsFinite(l) && l < 0.5, $"exponent {l}"));
        }
    }

    [Fact]
    public void The_state_recorded_is_the_euler_state_not_the_rates()
    {
        var shape = new RnnShape(3, 1, 1);
        var p = new RnnParameters(shape, new double[shape.Count]);
        p.U[0] = 1;      // unit 0 integrates the input: h ← (1 − α) h + α x
        var batch = new TaskBatch(TaskLoss.SquaredError, 3, 1, 1, 1);
        for (int t = 0; t < 3; t++)
            batch.Inputs[t] = 2;
        var states = RnnStates.Record(p, batch, RnnDynamics.Continuous(0.5))[0];
        Assert.Equal([1.0, 1.5, 1.75], Enumerable.Range(0, 3).Select(t => states[t, 0]));
        Assert.All(Enumerable.Range(0, 3), t => Assert.Equal(0.0, states[t, 1]));
    }

    [Fact]
    public void The_spec_keys_parse_case_insensitively_and_default_to_alpha_0_1()
    {
        Assert.Same(RnnDynamics.Discrete, DegeneracySpecJson.Parse("{}").Dynamics);
        var spec = DegeneracySpecJson.Parse("""{"DYNAMICS": "continuous", "dtovertau": 0.25, "Method": "euler"}""");
        Assert.True(spec.Dynamics.IsContinuous);
        Assert.Equal(0.25, spec.Dynamics.Alpha);
        Assert.Equal(RnnDynamics.DefaultAlpha, DegeneracySpecJson.Parse("""{"dynamics": "continuous"}""").Dynamics.Alpha);
        Assert.Equal(1.0, DegeneracySpecJson.Parse("""{"dynamics": "continuous", "dtOverTau": 1}""").Dynamics.Alpha);
    }

    [Theory]
    [InlineData("""{"dynamics": "chaotic"}""", "dynamics")]
    [InlineData("""{"dynamics": "continuous", "dtOverTau": 0}""", "dtOverTau")]
    [InlineData("""{"dynamics": "continuous", "dtOverTau": -0.5}""", "dtOverTau")]
    [InlineData("""{"dynamics": "continuous", "dtOverTau": 1.5}""", "dtOverTau")]
    [InlineData("""{"dtOverTau": 0.2}""", "dtOverTau")]
    [InlineData("""{"dynamics": "discrete", "method": "euler"}""", "method")]
    [InlineData("""{"dynamics": "continuous", "method": "rk4"}""", "method")]
    [InlineData("""{"dynamics": "continuous", "dtOverTau": "fast"}""", DegeneracySpecJson.Argument)]
    public void Bad_dynamics_values_are_refused_naming_the_key(string json, string key)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => DegeneracySpecJson.Parse(json));
        Assert.Equal(key, e.ParamName);
        Assert.StartsWith(key + ":", e.Message);
    }

    [Fact]
    public void Overrides_set_the_dynamics_as_the_cli_flags_do()
    {
        var spec = DegeneracySpecJson.Parse("""{"dynamics": "continuous"}""",
            new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["dtOverTau"] = 0.3 });
        Assert.Equal(0.3, spec.Dynamics.Alpha);
        Assert.Contains("dynamics", DegeneracySpecJson.Keys);
        Assert.Contains("dtOverTau", DegeneracySpecJson.Keys);
        Assert.Contains("method", DegeneracySpecJson.Keys);
    }
}
