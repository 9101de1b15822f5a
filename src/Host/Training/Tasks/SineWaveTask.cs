namespace FastAttractors.Training.Tasks;

/// <summary>
/// Sine-wave generation (Sussillo &amp; Abbott 2009 style): a constant input u = ω / ω_max selects a frequency ω drawn
/// uniformly from [minFrequency, maxFrequency] (radians per step); the single output must follow sin(ω t) at every
/// step t. Squared error at every step.
/// </summary>
public sealed class SineWaveTask : ITrainingTask
{
    /// <summary>Sine-wave sequences of <paramref name="steps"/> steps.</summary>
    /// <param name="steps">T, in [1, 100000].</param>
    /// <param name="minFrequency">Lowest ω in radians per step, in (0, π].</param>
    /// <param name="maxFrequency">Highest ω in radians per step, in [minFrequency, π].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public SineWaveTask(int steps = 100, double minFrequency = 0.1, double maxFrequency = 0.6)
    {
        if (steps < 1 || steps > 100_000)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in [1, 100000], got {steps}.");
        if (!(minFrequency > 0 && minFrequency <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(minFrequency), minFrequency, $"minFrequency must be in (0, π], got {minFrequency}.");
        if (!(maxFrequency >= minFrequency && maxFrequency <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(maxFrequency), maxFrequency, $"maxFrequency must be in [minFrequency, π], got {maxFrequency}.");
        Steps = steps;
        MinFrequency = minFrequency;
        MaxFrequency = maxFrequency;
    }

    /// <summary>Lowest frequency ω, in radians per step.</summary>
    public double MinFrequency { get; }
    /// <summary>Highest frequency ω_max, in radians per step; also the input scale.</summary>
    public double MaxFrequency { get; }
    /// <inheritdoc/>
    public string Name => "sine";
    /// <inheritdoc/>
    public TaskLoss Loss => TaskLoss.SquaredError;
    /// <inheritdoc/>
    public int Inputs => 1;
    /// <inheritdoc/>
    public int Outputs => 1;
    /// <inheritdoc/>
    public int Steps { get; }

    /// <summary>The frequency ω (radians per step) of sequence <paramref name="index"/> of the split.</summary>
    public double FrequencyOf(long seed, TaskSplit split, long index) =>
        MinFrequency + (MaxFrequency - MinFrequency) * new TaskRandom(seed, split, index).Uniform(0);

    /// <inheritdoc/>
    public void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index)
    {
        double omega = FrequencyOf(seed, split, index);
        Span<float> y = stackalloc float[1];
        for (int t = 0; t < Steps; t++)
        {
            batch.SetInput(t, slot, 0, (float)(omega / MaxFrequency));
            y[0] = (float)Math.Sin(omega * t);
            batch.SetTarget(t, slot, y);
        }
    }
}
