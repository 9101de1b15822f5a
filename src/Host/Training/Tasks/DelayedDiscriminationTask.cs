namespace FastAttractors.Training.Tasks;

/// <summary>
/// Delayed discrimination (Romo et al. 1999): two vibration frequencies f1 ≠ f2 from {10, 14, …, 34} Hz are shown as
/// the input level (f − 22)/12 on channel 0 for 5 steps each, separated by a delay uniform in [minDelay, maxDelay];
/// 5 steps after f2 ends, a go cue on channel 1 asks whether f1 &gt; f2 (class 1) or f1 &lt; f2 (class 0). Only the go
/// step is scored (cross-entropy over 2 classes).
/// </summary>
public sealed class DelayedDiscriminationTask : ITrainingTask
{
    /// <summary>Durations in steps: each stimulus (5), the lead before f1 (5) and the gap from the end of f2 to the go cue (5).</summary>
    public const int Stimulus = 5, Lead = 5, Gap = 5;
    /// <summary>The frequencies f1 and f2 are drawn from, in Hz.</summary>
    public static readonly int[] Frequencies = [10, 14, 18, 22, 26, 30, 34];

    /// <summary>Delayed discrimination with a delay uniform in [<paramref name="minDelay"/>, <paramref name="maxDelay"/>] steps.</summary>
    /// <param name="minDelay">Shortest delay between the stimuli, in [1, 100000].</param>
    /// <param name="maxDelay">Longest delay, in [minDelay, 100000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A delay is outside its range.</exception>
    public DelayedDiscriminationTask(int minDelay = 20, int maxDelay = 20)
    {
        DelayRange.Check(minDelay, maxDelay);
        MinDelay = minDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>Shortest delay between f1 and f2, in steps.</summary>
    public int MinDelay { get; }
    /// <summary>Longest delay between f1 and f2, in steps.</summary>
    public int MaxDelay { get; }
    /// <inheritdoc/>
    public string Name => "discrimination";
    /// <inheritdoc/>
    public TaskLoss Loss => TaskLoss.CrossEntropy;
    /// <inheritdoc/>
    public int Inputs => 2;
    /// <inheritdoc/>
    public int Outputs => 2;
    /// <inheritdoc/>
    public int Steps => Lead + 2 * Stimulus + MaxDelay + Gap + 1;

    /// <summary>(f1, f2, delay, go step) of one sequence.</summary>
    public (int F1, int F2, int Delay, int Go) Trial(long seed, TaskSplit split, long index)
    {
        var r = new TaskRandom(seed, split, index);
        int i = r.Integer(0, 0, Frequencies.Length - 1);
        int j = (i + 1 + r.Integer(1, 0, Frequencies.Length - 2)) % Frequencies.Length;
        int delay = r.Integer(2, MinDelay, MaxDelay);
        return (Frequencies[i], Frequencies[j], delay, Lead + 2 * Stimulus + delay + Gap);
    }

    /// <inheritdoc/>
    public void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index)
    {
        var (f1, f2, delay, go) = Trial(seed, split, index);
        int second = Lead + Stimulus + delay;
        for (int t = 0; t < Stimulus; t++)
        {
            batch.SetInput(Lead + t, slot, 0, (f1 - 22) / 12f);
            batch.SetInput(second + t, slot, 0, (f2 - 22) / 12f);
        }
        batch.SetInput(go, slot, 1, 1f);
        batch.SetLabel(go, slot, f1 > f2 ? 1 : 0);
    }
}
