using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>
/// Continuous-time members of an ensemble: one learns a task it can solve, a discrete member's checkpoint is refused for
/// a continuous one, and a discrete member given <see cref="RnnDynamics.Discrete"/> explicitly is the member it always was.
/// </summary>
public class ContinuousEnsembleTests
{
    private static EnsembleMemberSpec Member(RnnDynamics? dynamics, long seed = 1) =>
        new(new FlipFlopTask(10, 0.2), 16, RnnInitialisation.Default, seed, 2e-2, Dynamics: dynamics);

    [Fact]
    public void A_continuous_member_learns_the_flip_flop()
    {
        // α = 0.5 (τ = 2 steps): every step is scored, step 0 included, so the state must follow a pulse within a step
        // or two. The untrained network's test loss is ≈ 1.6; trained, it falls below 0.02 (≈ 0.004 after 640 updates)
        // and stops early there.
        var options = new EnsembleOptions { BatchSize = 16, TrainSize = 256, TestSize = 64, Epochs = 40, EvaluateEvery = 16, LossThreshold = 0.02, Patience = 1 };
        var result = EnsembleTrainer.Train([Member(RnnDynamics.Continuous(0.5))], options)[0];
        string log = string.Join(", ", result.Log.Select(r => $"{r.Step}:{r.TestLoss:g3}"));
        Assert.True(result.Log[0].TestLoss > 1, log);
        Assert.Equal(EnsembleMemberStatus.Converged, result.Status);
        Assert.True(result.FinalTestLoss <= 0.02, log);
    }

    [Fact]
    public void A_discrete_checkpoint_is_refused_for_a_continuous_member_and_explicit_discrete_is_the_default()
    {
        string directory = Path.Combine(Path.GetTempPath(), "fa-ctrnn-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new EnsembleOptions { BatchSize = 8, TrainSize = 32, TestSize = 8, Epochs = 2, CheckpointDirectory = directory };
            var plain = EnsembleTrainer.Train([Member(null)], options)[0];
            // The same member with Discrete given explicitly resumes that checkpoint (same fingerprint) and ends the same.
            Assert.Equal(Member(null).Fingerprint, Member(RnnDynamics.Discrete).Fingerprint);
            Assert.Equal(plain.Final.Values, EnsembleTrainer.Train([Member(RnnDynamics.Discrete)], options)[0].Final.Values);
            var e = Assert.Throws<InvalidOperationException>(() => EnsembleTrainer.Train([Member(RnnDynamics.Continuous(0.5))], options));
            Assert.Contains("member-00000.ckpt", e.Message);
            Assert.Contains("continuous:0.5", e.Message);
            // Two continuous members differing only in α have different fingerprints too.
            Assert.NotEqual(Member(RnnDynamics.Continuous(0.5)).Fingerprint, Member(RnnDynamics.Continuous(0.25)).Fingerprint);
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Continuous_and_discrete_members_of_one_seed_train_different_networks_from_the_same_start()
    {
        var options = new EnsembleOptions { BatchSize = 8, TrainSize = 32, TestSize = 8, Epochs = 1 };
        var results = EnsembleTrainer.Train([Member(null), Member(RnnDynamics.Continuous(0.3))], options);
        Assert.Equal(results[0].Initial.Values, results[1].Initial.Values);
        Assert.NotEqual(results[0].Final.Values, results[1].Final.Values);
        // The continuous member trained by its own recurrence: the test loss its log reports is the continuous loss.
        var test = TaskBatches.Range(results[1].Spec.Task, 1, TaskSplit.Test, 0, options.TestSize);
        double loss = ReferenceRnnGradient.Compute(results[1].Final, test, null, RnnDynamics.Continuous(0.3)).Mean;
        Assert.Equal(loss, results[1].FinalTestLoss, 4);
    }

    [Fact]
    public void RnnTrainer_trains_the_continuous_network_on_both_paths_alike()
    {
        // Same seed, data and order on both paths; float32 vs float64 gradients keep the logs close, not equal.
        var options = new RnnTrainingOptions
        {
            Hidden = 8, TrainSize = 64, TestSize = 16, BatchSize = 16, Epochs = 3, LearningRate = 2e-2, Seed = 4,
            Dynamics = RnnDynamics.Continuous(0.5),
        };
        var task = new FlipFlopTask(10, 0.2);
        var batched = RnnTrainer.Train(task, options);
        var reference = RnnTrainer.Train(task, options with { Path = RnnGradientPath.Reference });
        Assert.Null(batched.Failure);
        Assert.Equal(batched.Log.Count, reference.Log.Count);
        for (int r = 0; r < batched.Log.Count; r++)
            Assert.Equal(reference.Log[r].TestLoss, batched.Log[r].TestLoss, 3);
        Assert.True(batched.Log[^1].TestLoss < batched.Log[0].TestLoss, $"{batched.Log[0].TestLoss} → {batched.Log[^1].TestLoss}");
        // The discrete network of the same options is another network: its initial test loss differs.
        Assert.NotEqual(RnnTrainer.Train(task, options with { Dynamics = RnnDynamics.Discrete, MaxSteps = 1 }).Log[0].TestLoss, batched.Log[0].TestLoss, 6);
        Assert.Throws<ArgumentOutOfRangeException>("Dynamics", () => RnnTrainer.Train(task, options with { Dynamics = null! }));
    }
}
