using FastAttractors.Training;
using Xunit;

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

    /// <summary>
    /// Runs <paramref name="path"/> and the float64 Reference of <paramref name="dynamics"/> on the case and asserts the
    /// batched tolerances (loss |Δ| ≤ 1e-4 (1 + |L|), per block |Δg| ≤ 2e-4 |g| + 1e-6; see
    /// <see cref="BatchedRnnGradientProperties"/> for why); returns the batched loss and gradient.
    /// </summary>
    public static (BatchLoss Loss, double[] Gradient) AssertBatchedMatchesReference(BatchedRnnGradient path, RnnParameters parameters, TaskBatch batch,
        RnnDynamics dynamics, string label)
    {
        var shape = parameters.Shape;
        var reference = new double[shape.Count];
        var fast = new double[shape.Count];
        var lr = ReferenceRnnGradient.Compute(parameters, batch, reference, dynamics);
        var lf = path.Compute(parameters, batch, fast);
        Assert.True(Math.Abs(lf.Mean - lr.Mean) <= 1e-4 * (1 + Math.Abs(lr.Mean)), $"{label}: loss {lf.Mean} vs {lr.Mean}");
        Assert.Equal(lr.Scored, lf.Scored);
        foreach (var (name, offset, length) in shape.Blocks)
        {
            double error = 0, norm = 0;
            for (int p = offset; p < offset + length; p++)
            {
                error += (fast[p] - reference[p]) * (fast[p] - reference[p]);
                norm += reference[p] * reference[p];
            }
            Assert.True(Math.Sqrt(error) <= 2e-4 * Math.Sqrt(norm) + 1e-6, $"{label} {name}: |Δg| = {Math.Sqrt(error):e3}, |g| = {Math.Sqrt(norm):e3}");
        }
        return (lf, fast);
    }

    /// <summary>
    /// The Reference gradient of <paramref name="dynamics"/> against central differences with step 1e-5, per block
    /// |g − g_fd| ≤ 1e-6 |g_fd| (see <see cref="RnnGradientCheckTests"/> for why); a block whose finite-difference
    /// gradient vanishes (|g_fd| ≤ 1e-12) fails, since the check would then be empty.
    /// </summary>
    public static void AssertReferenceMatchesCentralDifferences(RnnParameters parameters, TaskBatch batch, RnnDynamics dynamics, string label)
    {
        var shape = parameters.Shape;
        var gradient = new double[shape.Count];
        ReferenceRnnGradient.Compute(parameters, batch, gradient, dynamics);
        const double h = 1e-5;
        foreach (var (name, offset, length) in shape.Blocks)
        {
            double error = 0, norm = 0;
            for (int p = offset; p < offset + length; p++)
            {
                double saved = parameters.Values[p];
                parameters.Values[p] = saved + h;
                double up = ReferenceRnnGradient.Compute(parameters, batch, null, dynamics).Mean;
                parameters.Values[p] = saved - h;
                double down = ReferenceRnnGradient.Compute(parameters, batch, null, dynamics).Mean;
                parameters.Values[p] = saved;
                double fd = (up - down) / (2 * h);
                error += (gradient[p] - fd) * (gradient[p] - fd);
                norm += fd * fd;
            }
            Assert.True(norm > 1e-12, $"{label} {name}: the finite-difference gradient vanishes, the check would be empty");
            Assert.True(Math.Sqrt(error) <= 1e-6 * Math.Sqrt(norm), $"{label} {name}: |g − fd| = {Math.Sqrt(error):e3}, |fd| = {Math.Sqrt(norm):e3}");
        }
    }
}
