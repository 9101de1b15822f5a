using FastAttractors.Cli.Output;
using FastAttractors.Training;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Cli.Training;

/// <summary>
/// The metadata of a train run's files (train.parquet, checkpoint.npz): one network, so every parameter is shared by
/// its one member. The trainer runs in float64; the backend is the engine's, which computes the spectra. Discrete
/// networks count time in sequence steps (exponents per step), the continuous sine task in model time units.
/// </summary>
internal static class TrainResultMetadata
{
    public static ResultMetadata Discrete(RnnTrainingOptions o, ITrainingTask task, Backend backend) =>
        new ResultMetadata("train", backend.ToString(), "float64", ResultMetadata.MapTime + " (sequence steps)")
            .Setting("task", task.Name).Setting("init", o.Init.ToString().ToLowerInvariant())
            .Shared("hidden", (long)o.Hidden).Shared("seed", o.Seed).Shared("lr", o.LearningRate).Shared("clip", o.ClipNorm)
            .Shared("batch", (long)o.BatchSize).Shared("steps_per_sequence", (long)task.Steps)
            .Units(ResultMetadata.MapRate);

    public static ResultMetadata Continuous(ContinuousSineOptions o, Backend backend) =>
        new ResultMetadata("train", backend.ToString(), "float64", ResultMetadata.FlowTime)
            .Setting("task", "sine").Setting("time", "continuous")
            .Shared("hidden", (long)o.Hidden).Shared("seed", o.Seed).Shared("lr", o.LearningRate).Shared("clip", o.ClipNorm)
            .Shared("frequency", o.Frequency).Shared("dt", o.Dt).Shared("horizon_steps", (long)o.Horizon)
            .Units(ResultMetadata.FlowRate);

    private static ResultMetadata Units(this ResultMetadata meta, string rate) =>
        meta.Unit("step", "parameter updates").Unit("epoch", "passes over the training set").Unit("seconds", "seconds (wall clock)")
            .Unit("train_loss", "loss (task's loss function)").Unit("test_loss", "loss (task's loss function)")
            .Unit("train_accuracy", "fraction").Unit("test_accuracy", "fraction").Unit("grad_norm", "loss per parameter unit")
            .Unit("spectrum_before", rate).Unit("spectrum_after", rate);
}
