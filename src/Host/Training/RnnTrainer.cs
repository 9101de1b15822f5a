using System.Diagnostics;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Training;

/// <summary>
/// Trains a tanh RNN (discrete, or continuous-time by Euler steps: <see cref="RnnTrainingOptions.Dynamics"/>) on a task by exact gradients (<see cref="ReferenceRnnGradient"/> or
/// <see cref="BatchedRnnGradient"/>) and Adam with clipping. Deterministic: data, initial weights and minibatch order
/// are counter-based draws of <see cref="RnnTrainingOptions.Seed"/>, and both gradient paths are independent of the
/// thread count. A non-finite loss or gradient stops training; the parameters of the last finite step are returned.
/// </summary>
public static class RnnTrainer
{
    /// <summary>Validates <paramref name="options"/>, then trains one network on <paramref name="task"/> and returns its log and parameters.</summary>
    /// <param name="onEvaluation">called after each evaluation with the log row and the current parameters (for checkpoints).</param>
    /// <param name="cancel">Checked before each update; when it fires, <see cref="OperationCanceledException"/> is thrown.</param>
    public static RnnTrainingResult Train(ITrainingTask task, RnnTrainingOptions options, Action<RnnEvaluation, RnnParameters>? onEvaluation = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var shape = new RnnShape(options.Hidden, task.Inputs, task.Outputs);
        var initial = RnnInitialiser.Create(shape, options.Init, options.Seed, options.Region);
        var current = initial.Clone();
        var lastGood = initial.Clone();
        var batched = new BatchedRnnGradient(shape, options.Threads, options.Dynamics);
        Func<RnnParameters, TaskBatch, double[]?, BatchLoss> compute = options.Path == RnnGradientPath.Reference
            ? (p, b, g) => ReferenceRnnGradient.Compute(p, b, g, options.Dynamics)
            : batched.Compute;
        var adam = new AdamOptimizer(shape.Count, options.LearningRate, options.ClipNorm);
        var gradient = new double[shape.Count];
        var test = TaskBatches.Range(task, options.Seed, TaskSplit.Test, 0, options.TestSize);
        int perEpoch = options.TrainSize / options.BatchSize;
        long maxSteps = Math.Min(options.MaxSteps ?? long.MaxValue, (long)perEpoch * options.Epochs);
        int every = options.EvaluateEvery ?? perEpoch;
        var log = new List<RnnEvaluation>();
        var clock = Stopwatch.StartNew();
        double lossSum = 0, accuracySum = 0, normSum = 0;
        int since = 0;
        long step = 0;
        string? failure = null;
        Evaluate();
        for (int epoch = 0; step < maxSteps && failure is null; epoch++)
        {
            long[] order = Shuffle(options.TrainSize, options.Seed, epoch);
            for (int k = 0; k < perEpoch && step < maxSteps; k++)
            {
                cancel.ThrowIfCancellationRequested();
                var batch = TaskBatches.Create(task, options.Seed, TaskSplit.Train, order.AsSpan(k * options.BatchSize, options.BatchSize));
                var loss = compute(current, batch, gradient);
                double norm = Math.Sqrt(gradient.Sum(g => g * g));
                if (!double.IsFinite(loss.Mean) || !double.IsFinite(norm))
                {
                    failure = $"training stopped at step {step + 1} (epoch {epoch + 1}): the training loss is {loss.Mean} and the gradient norm {norm}; "
                        + $"kept the last good parameters (after step {step}).";
                    break;
                }
                current.Values.CopyTo(lastGood.Values, 0);
                adam.Step(current.Values, gradient);
                step++;
                lossSum += loss.Mean;
                accuracySum += loss.Accuracy;
                normSum += norm;
                since++;
                if (step % every == 0 || step == maxSteps)
                    Evaluate();
            }
        }
        return new RnnTrainingResult(initial, failure is null ? current : lastGood, log, step, failure);

        void Evaluate()
        {
            var testLoss = compute(current, test, null);
            var row = new RnnEvaluation(step, (double)step / perEpoch, since == 0 ? double.NaN : lossSum / since, since == 0 ? double.NaN : accuracySum / since,
                testLoss.Mean, testLoss.Accuracy, since == 0 ? double.NaN : normSum / since, clock.Elapsed.TotalSeconds);
            log.Add(row);
            onEvaluation?.Invoke(row, current);
            lossSum = accuracySum = normSum = 0;
            since = 0;
        }
    }

    /// <summary>The order of the training set in epoch <paramref name="epoch"/>: indices sorted by counter-based keys.</summary>
    internal static long[] Shuffle(int size, long seed, int epoch)
    {
        ulong stream = CounterRandom.Stream(epoch, CounterRandom.Purpose.MinibatchOrder);
        var keys = new ulong[size];
        var order = new long[size];
        for (int i = 0; i < size; i++)
        {
            keys[i] = CounterRandom.Bits((ulong)seed, stream, (ulong)i);
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }
}
