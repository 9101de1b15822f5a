namespace FastAttractors.Training.Tasks;

/// <summary>Builds minibatches from a task's sequence indices.</summary>
public static class TaskBatches
{
    /// <summary>A batch whose slot s holds sequence <paramref name="indices"/>[s] of the split.</summary>
    /// <param name="task">The task that generates the sequences.</param>
    /// <param name="seed">Seed of the task's random streams.</param>
    /// <param name="split">Training or test stream.</param>
    /// <param name="indices">Sequence indices, one per batch slot (at least one).</param>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    public static TaskBatch Create(ITrainingTask task, long seed, TaskSplit split, ReadOnlySpan<long> indices)
    {
        ArgumentNullException.ThrowIfNull(task);
        var batch = new TaskBatch(task.Loss, task.Steps, indices.Length, task.Inputs, task.Outputs);
        for (int s = 0; s < indices.Length; s++)
            task.Fill(batch, s, seed, split, indices[s]);
        return batch;
    }

    /// <summary>Sequences first … first + size − 1 of the split.</summary>
    public static TaskBatch Range(ITrainingTask task, long seed, TaskSplit split, long first, int size) =>
        Create(task, seed, split, Enumerable.Range(0, size).Select(i => first + i).ToArray());
}
