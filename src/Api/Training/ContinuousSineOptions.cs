namespace FastAttractors.Training;

/// <summary>
/// Continuous-time training (the RK4 adjoint option): a <see cref="TanhRnn"/> τ dx/dt = −x + W tanh(x) + b (τ = 1) whose
/// unit 0 must follow sin(ω t) from a fixed start x₀, at every <see cref="Every"/>-th of <see cref="Horizon"/> RK4 steps
/// of size <see cref="Dt"/>. W starts as Eq. S3 with gain <see cref="Gain"/> (dense), or as PTA (Eq. 19) when
/// <see cref="Pta"/> is set; b = 0.
/// </summary>
public sealed record ContinuousSineOptions
{
    public int Hidden { get; init; } = 16;
    public double Frequency { get; init; } = 0.5;
    public double Dt { get; init; } = 0.1;
    public int Horizon { get; init; } = 200;
    public int Every { get; init; } = 2;
    public double Gain { get; init; } = 1.5;
    public int Updates { get; init; } = 200;
    public int EvaluateEvery { get; init; } = 10;
    public double LearningRate { get; init; } = 1e-2;
    public double ClipNorm { get; init; } = 1.0;
    public long Seed { get; init; } = 1;

    /// <summary>
    /// When set, W starts as Eq. 19 with (α_i, θ_i) drawn from this region (<see cref="RnnInitialiser.Pta"/>), e.g. the
    /// zero-exponent region of a rotation-flow scan (Eq. 20, the flow this network's blocks follow), instead of Eq. S3.
    /// </summary>
    public PtaRegion? Pta { get; init; }

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
