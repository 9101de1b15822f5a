namespace FastAttractors.Training;

/// <summary>
/// Continuous-time training (the RK4 adjoint option): a <see cref="TanhRnn"/> τ dx/dt = −x + W tanh(x) + b (τ = 1) whose
/// unit 0 must follow sin(ω t) from a fixed start x₀, at every <see cref="Every"/>-th of <see cref="Horizon"/> RK4 steps
/// of size <see cref="Dt"/>. W starts as Eq. S3 with gain <see cref="Gain"/> (dense), or as PTA (Eq. 19) when
/// <see cref="Pta"/> is set; b = 0.
/// </summary>
public sealed record ContinuousSineOptions
{
    /// <summary>Number of units n, 1 to 4,096 (default 16).</summary>
    public int Hidden { get; init; } = 16;
    /// <summary>Angular frequency ω of the target sin(ω t), positive (default 0.5).</summary>
    public double Frequency { get; init; } = 0.5;
    /// <summary>RK4 step size, positive (default 0.1).</summary>
    public double Dt { get; init; } = 0.1;
    /// <summary>Number of RK4 steps per trajectory, at least 1 (default 200).</summary>
    public int Horizon { get; init; } = 200;
    /// <summary>The loss scores unit 0 at every <c>Every</c>-th step, 1 to <see cref="Horizon"/> (default 2).</summary>
    public int Every { get; init; } = 2;
    /// <summary>Gain g of the dense Eq. S3 initial W when <see cref="Pta"/> is null, non-negative (default 1.5).</summary>
    public double Gain { get; init; } = 1.5;
    /// <summary>Number of Adam updates, at least 1 (default 200).</summary>
    public int Updates { get; init; } = 200;
    /// <summary>An evaluation row is logged every this many updates, and after the last (default 10).</summary>
    public int EvaluateEvery { get; init; } = 10;
    /// <summary>Adam learning rate, positive (default 1e-2).</summary>
    public double LearningRate { get; init; } = 1e-2;
    /// <summary>The gradient is clipped to this global norm before each update, positive (default 1).</summary>
    public double ClipNorm { get; init; } = 1.0;
    /// <summary>Seed of the initial weights and the start x₀ (counter-based draws; default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// When set, W starts as Eq. 19 with (α_i, θ_i) drawn from this region (<see cref="RnnInitialiser.Pta"/>), e.g. the
    /// zero-exponent region of a rotation-flow scan (Eq. 20, the flow this network's blocks follow), instead of Eq. S3.
    /// </summary>
    public PtaRegion? Pta { get; init; }

    /// <summary>Checks every option; throws <see cref="ArgumentOutOfRangeException"/> naming the first one out of range.</summary>
    public void Validate()
    {
        Check(Hidden >= 1 && Hidden <= 4096, nameof(Hidden), Hidden, "in [1, 4096]");
        Check(Frequency > 0 && double.IsFinite(Frequency), nameof(Frequency), Frequency, "positive and finite");
        Check(Dt > 0 && double.IsFinite(Dt), nameof(Dt), Dt, "positive and finite");
        Check(Horizon >= 1, nameof(Horizon), Horizon, "at least 1");
        Check(Every >= 1 && Every <= Horizon, nameof(Every), Every, $"in [1, Horizon = {Horizon}]");
        Check(Gain >= 0 && double.IsFinite(Gain), nameof(Gain), Gain, "non-negative and finite");
        Check(Updates >= 1, nameof(Updates), Updates, "at least 1");
        Check(EvaluateEvery >= 1, nameof(EvaluateEvery), EvaluateEvery, "at least 1");
        Check(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive and finite");
        Check(ClipNorm > 0, nameof(ClipNorm), ClipNorm, "positive");
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}, got {value}.");
    }
}
