using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>Training learns, is deterministic, stops cleanly on non-finite losses, and checks its options.</summary>
public class RnnTrainerTests
{
    private static readonly RnnTrainingOptions Small = new()
    {
        Hidden = 16, BatchSize = 16, TrainSize = 256, TestSize = 64, Epochs = 100, MaxSteps = 150, EvaluateEvery = 50, LearningRate = 1e-2, Seed = 3,
    };

    [Fact]
    public void Delayed_discrimination_is_learned_within_a_few_hundred_updates()
    {
        var result = RnnTrainer.Train(new DelayedDiscriminationTask(3, 3), Small with { MaxSteps = 200, Hidden = 12 });
        Assert.Null(result.Failure);
        Assert.Equal(200, result.Steps);
        Assert.True(result.Log[^1].TestLoss < 0.5 * result.Log[0].TestLoss, $"test loss {result.Log[0].TestLoss} → {result.Log[^1].TestLoss}");
        Assert.True(result.Log[^1].TestAccuracy > 0.9, $"test accuracy {result.Log[^1].TestAccuracy}");
    }

    [Fact]
    public void Training_is_deterministic_and_both_paths_agree()
    {
        var task = new FlipFlopTask(12);
        var options = Small with { MaxSteps = 6, EvaluateEvery = 3, Hidden = 8 };
        var a = RnnTrainer.Train(task, options with { Threads = 1 });
        var b = RnnTrainer.Train(task, options with { Threads = 3 });
        Assert.Equal(a.Final.Values, b.Final.Values);
        Assert.Equal(a.Log.Select(r => r.TestLoss), b.Log.Select(r => r.TestLoss));
        // The float64 oracle follows the same trajectory to float32 rounding over a few Adam steps.
        var r = RnnTrainer.Train(task, options with { Path = RnnGradientPath.Reference });
        for (int i = 0; i < r.Log.Count; i++)
            Assert.Equal(r.Log[i].TestLoss, a.Log[i].TestLoss, 3);
    }

    [Fact]
    public void Non_finite_loss_stops_training_and_keeps_the_last_good_parameters()
    {
        // A learning rate of 1e308 sends the parameters to ±∞ within two updates: the loss becomes NaN.
        var result = RnnTrainer.Train(new CopyMemoryTask(3), Small with { LearningRate = 1e308, ClipNorm = double.PositiveInfinity, MaxSteps = 20 });
        Assert.True(result.Diverged);
        Assert.Contains("training stopped at step", result.Failure);
        Assert.Contains("last good parameters", result.Failure);
        Assert.True(result.Steps < 20);
        Assert.True(result.Final.AllFinite());
    }

    [Theory]
    [InlineData("Hidden")]
    [InlineData("BatchSize")]
    [InlineData("TrainSize")]
    [InlineData("LearningRate")]
    [InlineData("ClipNorm")]
    [InlineData("MaxSteps")]
    public void Bad_options_are_rejected_naming_the_option(string name)
    {
        var bad = name switch
        {
            "Hidden" => Small with { Hidden = 0 },
            "BatchSize" => Small with { BatchSize = 0 },
            "TrainSize" => Small with { TrainSize = 4 },
            "LearningRate" => Small with { LearningRate = double.NaN },
            "ClipNorm" => Small with { ClipNorm = -1 },
            _ => Small with { MaxSteps = 0 },
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RnnTrainer.Train(new CopyMemoryTask(3), bad));
        Assert.Equal(name, e.ParamName);
    }
}
