namespace FastAttractors.Training.Tasks;

/// <summary>The random numbers of one task sequence: counter c of stream (index, split purpose).</summary>
internal readonly struct TaskRandom(long seed, TaskSplit split, long index)
{
    private readonly ulong stream = CounterRandom.Stream(index, split == TaskSplit.Train ? CounterRandom.Purpose.TaskTrainData : CounterRandom.Purpose.TaskTestData);

    public double Uniform(int counter) => CounterRandom.Uniform((ulong)seed, stream, (ulong)counter);

    /// <summary>An integer uniform in [min, max].</summary>
    public int Integer(int counter, int min, int max) => min + (int)Math.Min(max - min, Math.Floor(Uniform(counter) * (max - min + 1)));
}
