// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training.Tasks;

/// <summary>Builds minibatches from a task's sequence indices.</summary>
public static class TaskBatches
{
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
