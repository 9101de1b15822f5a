using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>
/// Ensemble training: members are independent (alone = inside an ensemble, any thread count), stop early at the
/// threshold, diverge alone, resume from checkpoints to the same parameters, and bad input is named before training.
/// </summary>
public class EnsembleTrainerTests
{
    private static readonly EnsembleOptions Small = new() { BatchSize = 8, TrainSize = 32, TestSize = 16, Epochs = 6, EvaluateEvery = 2 };

    private static EnsembleMemberSpec Member(int hidden, long seed, double lr = 1e-2, RnnRegulariser? penalty = null) =>
        new(new FlipFlopTask(10), hidden, RnnInitialisation.Default, seed, lr, penalty);

    private static readonly EnsembleMemberSpec[] Three =
    [
        Member(8, 1), Member(12, 2, 5e-3, new RnnRegulariser(RegulariserKind.L1, 1e-3)), Member(6, 3, 2e-2, new RnnRegulariser(RegulariserKind.Nuclear, 1e-3)),
    ];

    [Fact]
    public void A_member_alone_and_inside_an_ensemble_ends_with_bit_identical_parameters_at_any_thread_count()
    {
        var together = EnsembleTrainer.Train(Three, Small with { MaxDegreeOfParallelism = 2 });
        var serial = EnsembleTrainer.Train(Three, Small with { MaxDegreeOfParallelism = 1 });
        for (int i = 0; i < Three.Length; i++)
        {
            var alone = EnsembleTrainer.Train([Three[i]], Small)[0];
            Assert.Equal(alone.Final.Values, together[i].Final.Values);
            Assert.Equal(alone.Final.Values, serial[i].Final.Values);
            Assert.Equal(alone.Log.Select(r => r.TestLoss), together[i].Log.Select(r => r.TestLoss));
            Assert.Equal(EnsembleMemberStatus.Completed, together[i].Status);
            Assert.Equal(24, together[i].Steps); // 6 epochs × 32/8 batches
        }
        // The members did train: the test loss fell for each.
        Assert.All(together, r => Assert.True(r.Log[^1].TestLoss < r.Log[0].TestLoss, $"{r.Log[0].TestLoss} → {r.Log[^1].TestLoss}"));
    }

    [Fact]
    public void A_member_below_the_threshold_stops_after_the_patience_and_trains_no_further()
    {
        // Every network's loss is below 1e3, so the first evaluation (step 0) counts; it stops at evaluation Patience.
        var options = Small with { LossThreshold = 1e3, Patience = 2 };
        var stopped = EnsembleTrainer.Train([Member(8, 1)], options)[0];
        Assert.Equal(EnsembleMemberStatus.Converged, stopped.Status);
        Assert.Equal(options.Patience * options.EvaluateEvery!.Value, stopped.Steps);
        Assert.Equal(options.Patience + 1, stopped.Log.Count);
        // A threshold no network reaches leaves the budget to run out.
        var full = EnsembleTrainer.Train([Member(8, 1)], Small with { LossThreshold = 1e-12, Patience = 2 })[0];
        Assert.Equal(EnsembleMemberStatus.Completed, full.Status);
        Assert.Equal(24, full.Steps);
    }

    [Fact]
    public void A_diverging_member_keeps_its_last_good_parameters_and_leaves_the_others_unaffected()
    {
        // Adam moves every parameter by about η per step whatever the clipping: η = 1e300 sends the readout to ±1e300, so
        // the next loss is +∞.
        EnsembleMemberSpec[] members = [Three[0], Member(8, 9, lr: 1e300), Three[2]];
        var results = EnsembleTrainer.Train(members, Small);
        Assert.Equal(EnsembleMemberStatus.Diverged, results[1].Status);
        Assert.Contains("diverged at step", results[1].Failure);
        Assert.True(results[1].Final.AllFinite());
        Assert.True(results[1].Steps < 24);
        Assert.Equal(EnsembleTrainer.Train([Three[0]], Small)[0].Final.Values, results[0].Final.Values);
        Assert.Equal(EnsembleTrainer.Train([Three[2]], Small)[0].Final.Values, results[2].Final.Values);
    }

    [Fact]
    public void A_cancelled_run_resumed_from_its_checkpoints_ends_with_the_uninterrupted_parameters()
    {
        string directory = Path.Combine(Path.GetTempPath(), "fa-ensemble-" + Guid.NewGuid().ToString("N"));
        try
        {
            var uninterrupted = EnsembleTrainer.Train(Three, Small);
            var options = Small with { CheckpointDirectory = directory };
            using var cancel = new CancellationTokenSource();
            // Cancel once member 0 has logged step 8 of 24: the others are somewhere mid-run.
            Assert.ThrowsAny<OperationCanceledException>(() => EnsembleTrainer.Train(Three, options, (i, row) =>
            {
                if (i == 0 && row.Step >= 8)
                    cancel.Cancel();
            }, cancel.Token));
            Assert.Equal(3, Directory.GetFiles(directory, "*.ckpt").Length);
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
            var firstRows = new List<long>();
            var resumed = EnsembleTrainer.Train(Three, options, (i, row) => { if (i == 0) lock (firstRows) firstRows.Add(row.Step); });
            // Member 0 went on from its checkpoint (no evaluation at step 0 again) ...
            Assert.True(firstRows[0] > 8, $"member 0 restarted at step {firstRows[0]}");
            // ... and every member ends where the uninterrupted run did.
            for (int i = 0; i < Three.Length; i++)
            {
                Assert.Equal(uninterrupted[i].Final.Values, resumed[i].Final.Values);
                Assert.Equal(uninterrupted[i].Log.Select(r => r.TestLoss), resumed[i].Log.Select(r => r.TestLoss));
            }
            // A checkpoint of another spec is refused, naming the file.
            var e = Assert.Throws<InvalidOperationException>(() => EnsembleTrainer.Train([Member(8, 77)], options));
            Assert.Contains("member-00000.ckpt", e.Message);
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("LossThreshold", 0.0)]
    [InlineData("LossThreshold", -1.0)]
    [InlineData("TrainSize", 0.0)]
    [InlineData("TestSize", 0.0)]
    [InlineData("members[1].LearningRate", double.NaN)]
    [InlineData("members[1].Regulariser", -1.0)]
    [InlineData("members[1].Hidden", 0.0)]
    public void Bad_input_is_rejected_naming_the_argument_and_value(string name, double value)
    {
        var options = name switch
        {
            "LossThreshold" => Small with { LossThreshold = value },
            "TrainSize" => Small with { TrainSize = (int)value },
            "TestSize" => Small with { TestSize = (int)value },
            _ => Small,
        };
        EnsembleMemberSpec[] members = name switch
        {
            "members[1].LearningRate" => [Three[0], Three[1] with { LearningRate = value }],
            "members[1].Regulariser" => [Three[0], Three[1] with { Regulariser = new RnnRegulariser(RegulariserKind.L2, value) }],
            "members[1].Hidden" => [Three[0], Three[1] with { Hidden = (int)value }],
            _ => Three,
        };
        var e = Assert.ThrowsAny<ArgumentException>(() => EnsembleTrainer.Train(members, options));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message);
        Assert.Throws<ArgumentException>(() => EnsembleTrainer.Train([], Small));
    }
}
