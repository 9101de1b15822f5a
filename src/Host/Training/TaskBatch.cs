namespace FastAttractors.Training;

/// <summary>
/// A minibatch of B input sequences of T steps with the targets at the steps the loss scores. Layouts are
/// step-major: Inputs[(t·B + s)·m + j], Labels[t·B + s] (cross-entropy; −1 = not scored),
/// Targets[(t·B + s)·o + k] with Scored[t·B + s] (squared error). The loss is the mean of ℓ over the scored entries.
/// </summary>
public sealed class TaskBatch
{
    /// <summary>An empty batch: zero inputs, nothing scored, labels −1.</summary>
    /// <param name="loss">Which of <see cref="Labels"/> (cross-entropy) or <see cref="Targets"/> (squared error) is allocated.</param>
    /// <param name="steps">T, at least 1.</param>
    /// <param name="size">B, at least 1.</param>
    /// <param name="inputs">m: input channels per step.</param>
    /// <param name="outputs">o: readout units.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> or <paramref name="size"/> is below 1.</exception>
    public TaskBatch(TaskLoss loss, int steps, int size, int inputs, int outputs)
    {
        if (steps < 1)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be at least 1, got {steps}.");
        if (size < 1)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size must be at least 1, got {size}.");
        Loss = loss;
        Steps = steps;
        Size = size;
        InputDim = inputs;
        OutputDim = outputs;
        Inputs = new float[(long)steps * size * inputs];
        Scored = new bool[steps * size];
        Labels = loss == TaskLoss.CrossEntropy ? Enumerable.Repeat(-1, steps * size).ToArray() : [];
        Targets = loss == TaskLoss.SquaredError ? new float[(long)steps * size * outputs] : [];
    }

    /// <summary>The loss the batch is scored with.</summary>
    public TaskLoss Loss { get; }
    /// <summary>T: steps per sequence.</summary>
    public int Steps { get; }
    /// <summary>B: sequences in the batch.</summary>
    public int Size { get; }
    /// <summary>m: input channels per step.</summary>
    public int InputDim { get; }
    /// <summary>o: readout units.</summary>
    public int OutputDim { get; }
    /// <summary>Inputs, T·B·m, step-major: index (t·B + s)·m + j.</summary>
    public float[] Inputs { get; }
    /// <summary>Whether the loss scores step t of sequence s, T·B at index t·B + s.</summary>
    public bool[] Scored { get; }
    /// <summary>Class labels, T·B at index t·B + s, −1 where not scored; empty for squared-error batches.</summary>
    public int[] Labels { get; }
    /// <summary>Targets, T·B·o at index (t·B + s)·o + k, meaningful where scored; empty for cross-entropy batches.</summary>
    public float[] Targets { get; }

    /// <summary>Number of scored (step, sequence) entries; counted on each call.</summary>
    public int ScoredCount => Scored.Count(s => s);

    /// <summary>Sets input channel j of sequence s at step t.</summary>
    public void SetInput(int t, int s, int j, float value) => Inputs[((long)t * Size + s) * InputDim + j] = value;

    /// <summary>Input channel j of sequence s at step t.</summary>
    public float Input(int t, int s, int j) => Inputs[((long)t * Size + s) * InputDim + j];

    /// <summary>Scores step t of sequence s against class <paramref name="label"/> (cross-entropy tasks).</summary>
    public void SetLabel(int t, int s, int label)
    {
        Labels[t * Size + s] = label;
        Scored[t * Size + s] = true;
    }

    /// <summary>Scores step t of sequence s against <paramref name="target"/> (squared-error tasks).</summary>
    public void SetTarget(int t, int s, ReadOnlySpan<float> target)
    {
        target.CopyTo(Targets.AsSpan((t * Size + s) * OutputDim, OutputDim));
        Scored[t * Size + s] = true;
    }

    /// <summary>The o targets of sequence s at step t (squared-error batches).</summary>
    public ReadOnlySpan<float> Target(int t, int s) => Targets.AsSpan((t * Size + s) * OutputDim, OutputDim);
}
