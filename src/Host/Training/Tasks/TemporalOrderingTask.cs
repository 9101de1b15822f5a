namespace FastAttractors.Training.Tasks;

/// <summary>
/// Temporal ordering (Hochreiter &amp; Schmidhuber 1997; paper S2.2.2): a stream of distractors (4 symbols) carries two
/// relevant symbols, each A or B, the first at a step in [0, 9], the second 10–20 steps later; after a delay uniform in
/// [minDelay, maxDelay] (50–60 in the paper) a 'query' token asks for their order: class AA = 0, AB = 1, BA = 2, BB = 3.
/// Inputs one-hot over 8 tokens (distractors 0–3, A 4, B 5, query 6, pad 7); only the query step is scored.
/// </summary>
public sealed class TemporalOrderingTask : ITrainingTask
{
    /// <summary>Token codes: A (4; B is 5), the query token (6) and the pad after the query (7).</summary>
    public const int A = 4, Query = 6, Pad = 7;

    /// <summary>Temporal ordering with a query delay uniform in [<paramref name="minDelay"/>, <paramref name="maxDelay"/>] steps.</summary>
    /// <param name="minDelay">Shortest delay from the second relevant symbol to the query, in [1, 100000].</param>
    /// <param name="maxDelay">Longest delay, in [minDelay, 100000].</param>
    /// <exception cref="ArgumentOutOfRangeException">A delay is outside its range.</exception>
    public TemporalOrderingTask(int minDelay = 50, int maxDelay = 60)
    {
        DelayRange.Check(minDelay, maxDelay);
        MinDelay = minDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>Shortest delay from the second relevant symbol to the query, in steps.</summary>
    public int MinDelay { get; }
    /// <summary>Longest delay from the second relevant symbol to the query, in steps.</summary>
    public int MaxDelay { get; }
    /// <inheritdoc/>
    public string Name => "ordering";
    /// <inheritdoc/>
    public TaskLoss Loss => TaskLoss.CrossEntropy;
    /// <inheritdoc/>
    public int Inputs => 8;
    /// <inheritdoc/>
    public int Outputs => 4;
    /// <inheritdoc/>
    public int Steps => 9 + 20 + MaxDelay + 1;

    /// <summary>(first relevant step, second relevant step, query step, class) of one sequence.</summary>
    public (int First, int Second, int QueryStep, int Label) Layout(long seed, TaskSplit split, long index)
    {
        var r = new TaskRandom(seed, split, index);
        int first = r.Integer(0, 0, 9);
        int second = first + r.Integer(1, 10, 20);
        int query = second + r.Integer(2, MinDelay, MaxDelay);
        int label = 2 * r.Integer(3, 0, 1) + r.Integer(4, 0, 1);
        return (first, second, query, label);
    }

    /// <inheritdoc/>
    public void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index)
    {
        var r = new TaskRandom(seed, split, index);
        var (first, second, query, label) = Layout(seed, split, index);
        for (int t = 0; t < Steps; t++)
        {
            int token = t == first ? A + label / 2 : t == second ? A + label % 2 : t == query ? Query : t > query ? Pad : r.Integer(100 + t, 0, 3);
            batch.SetInput(t, slot, token, 1f);
        }
        batch.SetLabel(query, slot, label);
    }
}
