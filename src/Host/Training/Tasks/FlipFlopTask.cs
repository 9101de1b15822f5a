namespace FastAttractors.Training.Tasks;

/// <summary>
/// The 3-bit flip-flop (Sussillo &amp; Barak 2013): each of 3 input channels carries a pulse of ±1 with probability
/// p per step (always at step 0, so every output is defined); output k must hold the sign of the last pulse on channel
/// k. Squared error at every step.
/// </summary>
public sealed class FlipFlopTask : ITrainingTask
{
    /// <summary>Number of channels (inputs and outputs).</summary>
    public const int Bits = 3;

    /// <summary>Flip-flop sequences of <paramref name="steps"/> steps.</summary>
    /// <param name="steps">T, in [1, 100000].</param>
    /// <param name="pulseProbability">p: probability of a pulse per channel and step after step 0, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public FlipFlopTask(int steps = 100, double pulseProbability = 0.05)
    {
        if (steps < 1 || steps > 100_000)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in [1, 100000], got {steps}.");
        if (!(pulseProbability > 0 && pulseProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(pulseProbability), pulseProbability, $"pulseProbability must be in (0, 1], got {pulseProbability}.");
        Steps = steps;
        PulseProbability = pulseProbability;
    }

    /// <summary>p: probability of a pulse per channel and step (after step 0).</summary>
    public double PulseProbability { get; }
    /// <inheritdoc/>
    public string Name => "flipflop";
    /// <inheritdoc/>
    public TaskLoss Loss => TaskLoss.SquaredError;
    /// <inheritdoc/>
    public int Inputs => Bits;
    /// <inheritdoc/>
    public int Outputs => Bits;
    /// <inheritdoc/>
    public int Steps { get; }

    /// <inheritdoc/>
    public void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index)
    {
        var r = new TaskRandom(seed, split, index);
        Span<float> state = stackalloc float[Bits];
        for (int t = 0; t < Steps; t++)
        {
            for (int k = 0; k < Bits; k++)
            {
                int c = 2 * (t * Bits + k);
                if (t == 0 || r.Uniform(c) < PulseProbability)
                {
                    float sign = r.Uniform(c + 1) < 0.5 ? -1f : 1f;
                    batch.SetInput(t, slot, k, sign);
                    state[k] = sign;
                }
            }
            batch.SetTarget(t, slot, state);
        }
    }
}
