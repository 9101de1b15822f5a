// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training;

/// <summary>
/// A minibatch of B input sequences of T steps with the targets at the steps the loss scores. Layouts are
/// step-major: Inputs[(t·B + s)·m + j], Labels[t·B + s] (cross-entropy; −1 = not scored),
/// Targets[(t·B + s)·o + k] with Scored[t·B + s] (squared error). The loss is the mean of ℓ over the scored entries.
/// </summary>
public sealed class TaskBatch
{
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

    public TaskLoss Loss { get; }
    public int Steps { get; }
    public int Size { get; }
    public int InputDim { get; }
    public int OutputDim { get; }
    public float[] Inputs { get; }
    public bool[] Scored { get; }
    public int[] Labels { get; }
    public float[] Targets { get; }

    public int ScoredCount => Scored.Count(s => s);

    public void SetInput(int t, int s, int j, float value) => Inputs[((long)t * Size + s) * InputDim + j] = value;

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

    public ReadOnlySpan<float> Target(int t, int s) => Targets.AsSpan((t * Size + s) * OutputDim, OutputDim);
}
