// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training.Tasks;

/// <summary>
/// A seeded generator of task sequences. Sequence i of a split is a pure function of (seed, split, i), drawn from
/// counter-based streams (<see cref="CounterRandom"/>), so a minibatch does not depend on which other sequences it
/// holds, on the batch size or on the thread that draws it.
/// </summary>
public interface ITrainingTask
{
    string Name { get; }
    TaskLoss Loss { get; }
    int Inputs { get; }
    int Outputs { get; }

    /// <summary>T: steps per sequence (the longest one, for tasks with random delays; shorter ones are padded and not scored there).</summary>
    int Steps { get; }

    /// <summary>Fills sequence slot <paramref name="slot"/> of <paramref name="batch"/> with sequence <paramref name="index"/> of the split.</summary>
    void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index);
}

/// <summary>Training and test sequences come from different random streams.</summary>
public enum TaskSplit
{
    Train,
    Test,
}
