using FastAttractors.Training;

namespace FastAttractors.Tests.Training;

/// <summary>Random networks and minibatches for the gradient tests (counter-based, so a case is a pure function of its seed).</summary>
internal static class RnnCases
{
    /// <summary>Parameters uniform in ±scale/√n (scale 2: twice PyTorch's range, so units use tanh's curvature).</summary>
    public static RnnParameters Parameters(RnnShape shape, long seed, double scale = 2)
    {
        var values = new double[shape.Count];
        double bound = scale / Math.Sqrt(shape.Hidden);
        for (int p = 0; p < values.Length; p++)
            values[p] = bound * (2 * CounterRandom.Uniform((ulong)seed, 7, (ulong)p) - 1);
        return new RnnParameters(shape, values);
    }

    /// <summary>Gaussian inputs; about half the entries scored; labels or targets random.</summary>
    public static TaskBatch Batch(TaskLoss loss, int steps, int size, int inputs, int outputs, long seed)
    {
        var batch = new TaskBatch(loss, steps, size, inputs, outputs);
        ulong c = 0;
        for (int i = 0; i < batch.Inputs.Length; i++)
            batch.Inputs[i] = (float)CounterRandom.Normal((ulong)seed, 8, c++);
        var target = new float[outputs];
        for (int t = 0; t < steps; t++)
        {
            for (int s = 0; s < size; s++)
            {
                // Always score the last step, so every batch has at least one scored entry.
                if (t < steps - 1 && CounterRandom.Uniform((ulong)seed, 9, c++) < 0.5)
                    continue;
                if (loss == TaskLoss.CrossEntropy)
                    batch.SetLabel(t, s, (int)(CounterRandom.Uniform((ulong)seed, 9, c++) * outputs));
                else
                {
                    for (int k = 0; k < outputs; k++)
                        target[k] = (float)(2 * CounterRandom.Uniform((ulong)seed, 9, c++) - 1);
                    batch.SetTarget(t, s, target);
                }
            }
        }
        return batch;
    }
}
