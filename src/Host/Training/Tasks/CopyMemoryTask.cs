namespace FastAttractors.Training.Tasks;

/// <summary>
/// Copy memory (Hochreiter &amp; Schmidhuber 1997; paper S2.2.1, S2.2.3): 10 symbols drawn from an alphabet of 8, then
/// k blanks, one 'start' token and 9 blanks; the target is the 10 symbols, recalled at the 10 steps from the start
/// token on (steps k + 10 … k + 19). Inputs are one-hot over 10 tokens (symbols 0–7, blank 8, start 9); outputs are
/// the 8 symbols and only the recall steps are scored, so the memoryless loss is log 8 ≈ 2.08 per scored step (the
/// scale of the paper's Table S1). With <c>maxDelay &gt; delay</c> the delay of each sequence is uniform in
/// [delay, maxDelay] (random-delay copy memory, 100–120 in the paper); shorter sequences end with unscored blanks.
/// </summary>
public sealed class CopyMemoryTask : ITrainingTask
{
    /// <summary>Token codes: alphabet size (8), symbols to recall (10), and the blank (8) and start (9) input tokens.</summary>
    public const int Symbols = 8, Length = 10, Blank = 8, Start = 9;

    /// <summary>Copy memory with delay k, or k uniform in [<paramref name="delay"/>, <paramref name="maxDelay"/>].</summary>
    /// <param name="delay">k (the shortest one): blanks between the symbols and the start token, in [1, 100000].</param>
    /// <param name="maxDelay">Longest delay, in [delay, 100000]; null means <paramref name="delay"/> (fixed delay).</param>
    /// <exception cref="ArgumentOutOfRangeException">A delay is outside its range.</exception>
    public CopyMemoryTask(int delay, int? maxDelay = null)
    {
        if (delay < 1 || delay > 100_000)
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"delay must be in [1, 100000], got {delay}.");
        int max = maxDelay ?? delay;
        if (max < delay || max > 100_000)
            throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, $"maxDelay must be in [delay = {delay}, 100000], got {maxDelay}.");
        Delay = delay;
        MaxDelay = max;
    }

    /// <summary>Shortest (or fixed) delay k, in steps.</summary>
    public int Delay { get; }
    /// <summary>Longest delay, in steps; equals <see cref="Delay"/> for a fixed delay.</summary>
    public int MaxDelay { get; }
    /// <inheritdoc/>
    public string Name => MaxDelay == Delay ? "copy" : "copy-random-delay";
    /// <inheritdoc/>
    public TaskLoss Loss => TaskLoss.CrossEntropy;
    /// <inheritdoc/>
    public int Inputs => 10;
    /// <inheritdoc/>
    public int Outputs => Symbols;
    /// <inheritdoc/>
    public int Steps => MaxDelay + 2 * Length;

    /// <summary>The delay of sequence <paramref name="index"/>.</summary>
    public int DelayOf(long seed, TaskSplit split, long index) =>
        MaxDelay == Delay ? Delay : new TaskRandom(seed, split, index).Integer(Length, Delay, MaxDelay);

    /// <inheritdoc/>
    public void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index)
    {
        var random = new TaskRandom(seed, split, index);
        int k = DelayOf(seed, split, index);
        for (int t = 0; t < Steps; t++)
        {
            int token = t < Length ? random.Integer(t, 0, Symbols - 1) : t == Length + k ? Start : Blank;
            batch.SetInput(t, slot, token, 1f);
        }
        for (int i = 0; i < Length; i++)
            batch.SetLabel(Length + k + i, slot, random.Integer(i, 0, Symbols - 1));
    }
}
