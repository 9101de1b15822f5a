// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training.Tasks;

/// <summary>
/// The 3-bit flip-flop (Sussillo &amp; Barak 2013): each of 3 input channels carries a pulse of ±1 with probability
/// p per step (always at step 0, so every output is defined); output k must hold the sign of the last pulse on channel
/// k. Squared error at every step.
/// </summary>
public sealed class FlipFlopTask : ITrainingTask
{
    public const int Bits = 3;

    public FlipFlopTask(int steps = 100, double pulseProbability = 0.05)
    {
        if (steps < 1 || steps > 100_000)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in [1, 100000], got {steps}.");
        if (!(pulseProbability > 0 && pulseProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(pulseProbability), pulseProbability, $"pulseProbability must be in (0, 1], got {pulseProbability}.");
        Steps = steps;
        PulseProbability = pulseProbability;
    }

    public double PulseProbability { get; }
    public string Name => "flipflop";
    public TaskLoss Loss => TaskLoss.SquaredError;
    public int Inputs => Bits;
    public int Outputs => Bits;
    public int Steps { get; }

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
