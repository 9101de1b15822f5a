using FastAttractors.Tests.Support;
using FastAttractors.Training;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>The continuous-time option: Engine.Gradient (the RK4 adjoint) drives Adam and the loss falls.</summary>
public class ContinuousSineTrainerTests
{
    [Fact]
    public void Rk4_adjoint_training_reduces_the_sine_loss()
    {
        var options = new ContinuousSineOptions { Hidden = 8, Horizon = 50, Every = 2, Updates = 30, EvaluateEvery = 15, LearningRate = 3e-2, Seed = 2 };
        var result = ContinuousSineTrainer.Train(EngineCache.Get(Backend.Simd), options);
        Assert.Null(result.Failure);
        Assert.Equal([0L, 15, 30], result.Log.Select(r => r.Step));
        Assert.True(result.Log[^1].TestLoss < 0.5 * result.Log[0].TestLoss, $"loss {result.Log[0].TestLoss} → {result.Log[^1].TestLoss}");
    }

    [Fact]
    public void Bad_options_are_rejected_naming_them()
    {
        var engine = EngineCache.Get(Backend.Reference);
        Assert.Throws<ArgumentOutOfRangeException>("Every", () => ContinuousSineTrainer.Train(engine, new ContinuousSineOptions { Horizon = 10, Every = 11 }));
        Assert.Throws<ArgumentOutOfRangeException>("Dt", () => ContinuousSineTrainer.Train(engine, new ContinuousSineOptions { Dt = 0 }));
    }
}
