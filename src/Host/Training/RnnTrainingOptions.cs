namespace FastAttractors.Training;

/// <summary>
/// How to train a discrete-time tanh RNN on a task: Adam with gradient clipping on minibatches drawn (without
/// replacement per epoch) from a fixed training set, evaluated on a separate test set. Defaults follow the paper's
/// ranges (S2.3) where it gives them.
/// </summary>
public sealed record RnnTrainingOptions
{
    /// <summary>n: hidden units, in [1, 8192].</summary>
    public int Hidden { get; init; } = 128;
    /// <summary>How the recurrent weights W start.</summary>
    public RnnInitialisation Init { get; init; } = RnnInitialisation.Default;

    /// <summary>Where PTA draws (α, θ); null = <see cref="PtaRegion.DiscreteDefault"/>.</summary>
    public PtaRegion? Region { get; init; }

    /// <summary>Seed of the initial parameters, the task sequences and the minibatch order.</summary>
    public long Seed { get; init; } = 1;
    /// <summary>Sequences per minibatch, at least 1 and at most <see cref="TrainSize"/>.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Sequences in the training set (the paper: 10,000).</summary>
    public int TrainSize { get; init; } = 10_000;

    /// <summary>Sequences in the test set (the paper: 1,000).</summary>
    public int TestSize { get; init; } = 1_000;

    /// <summary>Passes over the training set; training also stops after <see cref="MaxSteps"/> updates if given.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Largest number of updates, at least 1; null = no limit besides <see cref="Epochs"/>.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>Updates between evaluations of the test loss; null = once per epoch.</summary>
    public int? EvaluateEvery { get; init; }

    /// <summary>Adam's step size η; positive and finite.</summary>
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>Largest global gradient norm after clipping; positive (∞ = no clipping).</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Reference: the float64 oracle (slow); Batched: float32 SIMD, multi-threaded.</summary>
    public RnnGradientPath Path { get; init; } = RnnGradientPath.Batched;

    /// <summary>Threads of the batched path (0 = all); results do not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>The recurrence trained: the discrete map (default) or the continuous-time network with its α = dt/τ.</summary>
    public RnnDynamics Dynamics { get; init; } = RnnDynamics.Discrete;

    /// <summary>Checks every option's range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range; the message names it.</exception>
    public void Validate()
    {
        Check(Hidden >= 1 && Hidden <= 8192, nameof(Hidden), Hidden, "in [1, 8192]");
        Check(Enum.IsDefined(Init), nameof(Init), Init, "Default, Orthogonal or Pta");
        Check(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Check(TrainSize >= BatchSize, nameof(TrainSize), TrainSize, $"at least the batch size {BatchSize}");
        Check(TestSize >= 1, nameof(TestSize), TestSize, "at least 1");
        Check(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Check(MaxSteps is null or >= 1, nameof(MaxSteps), MaxSteps, "at least 1");
        Check(EvaluateEvery is null or >= 1, nameof(EvaluateEvery), EvaluateEvery, "at least 1");
        Check(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive and finite");
        Check(ClipNorm > 0, nameof(ClipNorm), ClipNorm, "positive");
        Check(Threads >= 0, nameof(Threads), Threads, "non-negative");
        Check(Dynamics is not null, nameof(Dynamics), Dynamics, "RnnDynamics.Discrete or RnnDynamics.Continuous(α), not null");
    }

    private static void Check(bool ok, string name, object? value, string rule)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}, got {value}.");
    }
}

/// <summary>Which implementation computes the loss and gradient.</summary>
public enum RnnGradientPath
{
    /// <summary>The float64 oracle, <see cref="ReferenceRnnGradient"/> (slow).</summary>
    Reference,
    /// <summary>Float32 SIMD, multi-threaded, <see cref="BatchedRnnGradient"/>.</summary>
    Batched,
}
