namespace FastAttractors.Training.Tasks;

/// <summary>
/// A seeded generator of task sequences. Sequence i of a split is a pure function of (seed, split, i), drawn from
/// counter-based streams (<see cref="CounterRandom"/>), so a minibatch does not depend on which other sequences it
/// holds, on the batch size or on the thread that draws it.
/// </summary>
public interface ITrainingTask
{
    /// <summary>Short identifier of the task (e.g. "flipflop", "copy").</summary>
    string Name { get; }
    /// <summary>How the readout is scored: class labels (cross-entropy) or real targets (squared error).</summary>
    TaskLoss Loss { get; }
    /// <summary>m: input channels per step.</summary>
    int Inputs { get; }
    /// <summary>o: readout units (classes for cross-entropy tasks).</summary>
    int Outputs { get; }

    /// <summary>T: steps per sequence (the longest one, for tasks with random delays; shorter ones are padded and not scored there).</summary>
    int Steps { get; }

    /// <summary>Fills sequence slot <paramref name="slot"/> of <paramref name="batch"/> with sequence <paramref name="index"/> of the split.</summary>
    void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index);
}

/// <summary>Training and test sequences come from different random streams.</summary>
public enum TaskSplit
{
    /// <summary>Sequences used for training.</summary>
    Train,
    /// <summary>Held-out sequences used for evaluation.</summary>
    Test,
}
