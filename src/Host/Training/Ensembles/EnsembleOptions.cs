using System.Globalization;

namespace FastAttractors.Training;

/// <summary>
/// Settings shared by every member of an ensemble (<see cref="EnsembleTrainer"/>): data sizes, budget, clipping,
/// early stopping and checkpoints.
/// </summary>
public sealed record EnsembleOptions
{
    /// <summary>Sequences per minibatch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Sequences in each member's training set (drawn from its seed).</summary>
    public int TrainSize { get; init; } = 1_024;

    /// <summary>Sequences in each member's test set, scored at every evaluation.</summary>
    public int TestSize { get; init; } = 128;

    /// <summary>Largest number of passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Largest number of updates (on top of <see cref="Epochs"/>; null = only the epochs limit).</summary>
    public long? MaxSteps { get; init; }

    /// <summary>Updates between evaluations; null = once per epoch.</summary>
    public int? EvaluateEvery { get; init; }

    /// <summary>Global gradient-norm clip c (∞ = none).</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Early stopping: a member whose test loss (task loss, without the penalty) is at or below this value at
    /// <see cref="Patience"/> + 1 consecutive evaluations stops ("converged"). Null: train to the budget.</summary>
    public double? LossThreshold { get; init; }

    /// <summary>Further evaluations a member keeps training once below <see cref="LossThreshold"/> (the paper: 3 epochs).</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Members trained at once (−1: one per core). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Where each member's state is written (atomically) at every evaluation and at its end; a later call with the
    /// same directory resumes from it. Null: no checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Throws naming the option and its value; runs before any buffer is allocated.</summary>
    public void Validate()
    {
        Check(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Check(TrainSize >= 1, nameof(TrainSize), TrainSize, "at least 1 (a task spec with no training trials cannot be trained)");
        Check(TrainSize >= BatchSize, nameof(TrainSize), TrainSize, $"at least the batch size {BatchSize}");
        Check(TestSize >= 1, nameof(TestSize), TestSize, "at least 1 (a task spec with no test trials cannot be evaluated)");
        Check(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Check(MaxSteps is null or >= 1, nameof(MaxSteps), MaxSteps, "at least 1");
        Check(EvaluateEvery is null or >= 1, nameof(EvaluateEvery), EvaluateEvery, "at least 1");
        Check(ClipNorm > 0, nameof(ClipNorm), ClipNorm, "positive (∞ for no clipping)");
        Check(LossThreshold is null || (LossThreshold > 0 && double.IsFinite(LossThreshold.Value)), nameof(LossThreshold), LossThreshold, "positive and finite");
        Check(Patience >= 0, nameof(Patience), Patience, "non-negative");
        Check(MaxDegreeOfParallelism == -1 || MaxDegreeOfParallelism >= 1, nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "-1 or positive");
    }

    /// <summary>The options that change a member's trajectory, as text (part of each checkpoint's fingerprint).</summary>
    internal string Fingerprint => string.Create(CultureInfo.InvariantCulture,
        $"B={BatchSize}/train={TrainSize}/test={TestSize}/clip={ClipNorm:R}/every={EvaluateEvery}/threshold={LossThreshold:R}/patience={Patience}");

    private static void Check(bool ok, string name, object? value, string rule)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}, got {value?.ToString() ?? "null"}.");
    }
}
