using System.Diagnostics;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Training;

/// <summary>
/// The training state of one ensemble member and the loop that advances it: the same protocol as
/// <see cref="RnnTrainer"/> (minibatches of a fixed training set in a seeded order per epoch, exact float32 SIMD
/// gradients from <see cref="BatchedRnnGradient"/> on one thread, Adam with clipping) plus a penalty on W, early
/// stopping and checkpoints. Everything it computes is a function of its spec and the shared options.
/// </summary>
internal sealed class EnsembleMemberRun
{
    private readonly EnsembleMemberSpec spec;
    private readonly EnsembleOptions options;
    private readonly int index;
    private readonly RnnShape shape;
    private readonly AdamOptimizer adam;
    private readonly List<RnnEvaluation> log = [];
    private RnnParameters current;
    private long step;
    private int below;
    private double secondsBefore;
    private EnsembleMemberStatus? status;
    private string? failure;

    public EnsembleMemberRun(int index, EnsembleMemberSpec spec, EnsembleOptions options)
    {
        this.index = index;
        this.spec = spec;
        this.options = options;
        shape = new RnnShape(spec.Hidden, spec.Task.Inputs, spec.Task.Outputs);
        Initial = RnnInitialiser.Create(shape, spec.Init, spec.Seed, spec.Region);
        current = Initial.Clone();
        adam = new AdamOptimizer(shape.Count, spec.LearningRate, options.ClipNorm);
    }

    public RnnParameters Initial { get; }

    public bool Finished => status is not null;

    private string Fingerprint => spec.Fingerprint + "|" + options.Fingerprint + $"|epochs={options.Epochs}/max={options.MaxSteps}";

    private int PerEpoch => options.TrainSize / options.BatchSize;

    private long MaxSteps => Math.Min(options.MaxSteps ?? long.MaxValue, (long)PerEpoch * options.Epochs);

    public EnsembleMemberResult Result() => new(spec, status ?? EnsembleMemberStatus.Completed, Initial, current, log.ToArray(), step, failure);

    /// <summary>Marks the member failed by an unexpected error, keeping the parameters it had reached.</summary>
    public void Fail(Exception error)
    {
        status = EnsembleMemberStatus.Failed;
        failure = $"member {index} failed at step {step}: {error.GetType().Name}: {error.Message}";
    }

    /// <summary>Trains until the member finishes or <paramref name="cancel"/> fires (then returns, leaving the last
    /// checkpoint on disk as the state to resume from).</summary>
    public void Run(Action<int, RnnEvaluation>? onEvaluation, CancellationToken cancel)
    {
        if (Finished)
            return;
        var clock = Stopwatch.StartNew();
        var gradientPath = new BatchedRnnGradient(shape, threads: 1, spec.Recurrence);
        var test = TaskBatches.Range(spec.Task, spec.Seed, TaskSplit.Test, 0, options.TestSize);
        var gradient = new double[shape.Count];
        var lastGood = current.Clone();
        int every = options.EvaluateEvery ?? PerEpoch;
        double lossSum = 0, accuracySum = 0, normSum = 0;
        int since = 0;
        long[]? order = null;
        long orderEpoch = -1;
        if (log.Count == 0 && Evaluate())
            return;
        while (step < MaxSteps)
        {
            if (cancel.IsCancellationRequested)
                return;
            long epoch = step / PerEpoch;
            int k = (int)(step % PerEpoch);
            if (epoch != orderEpoch)
            {
                order = RnnTrainer.Shuffle(options.TrainSize, spec.Seed, (int)epoch);
                orderEpoch = epoch;
            }
            var batch = TaskBatches.Create(spec.Task, spec.Seed, TaskSplit.Train, order.AsSpan(k * options.BatchSize, options.BatchSize));
            var loss = gradientPath.Compute(current, batch, gradient);
            double penalty = spec.Penalty.AddTo(current, gradient);
            double norm = Math.Sqrt(gradient.Sum(g => g * g));
            double total = loss.Mean + penalty;
            if (!double.IsFinite(total) || !double.IsFinite(norm))
            {
                Diverge($"diverged at step {step + 1} (epoch {epoch + 1}): the training loss is {total} and the gradient norm {norm}; kept the last good parameters (after step {step}).", lastGood);
                return;
            }
            current.Values.CopyTo(lastGood.Values, 0);
            adam.Step(current.Values, gradient);
            step++;
            lossSum += total;
            accuracySum += loss.Accuracy;
            normSum += norm;
            since++;
            if ((step % every == 0 || step == MaxSteps) && Evaluate())
                return;
        }
        status = EnsembleMemberStatus.Completed;
        Save();

        // Scores the test set, logs, checkpoints; true when the member has finished (converged or diverged).
        bool Evaluate()
        {
            var testLoss = gradientPath.Compute(current, test, null);
            if (!double.IsFinite(testLoss.Mean))
            {
                Diverge($"diverged at step {step}: the test loss is {testLoss.Mean}; kept the last good parameters (after step {Math.Max(0, step - 1)}).", lastGood);
                return true;
            }
            var row = new RnnEvaluation(step, (double)step / PerEpoch, since == 0 ? double.NaN : lossSum / since, since == 0 ? double.NaN : accuracySum / since,
                testLoss.Mean, testLoss.Accuracy, since == 0 ? double.NaN : normSum / since, secondsBefore + clock.Elapsed.TotalSeconds);
            log.Add(row);
            lossSum = accuracySum = normSum = 0;
            since = 0;
            if (options.LossThreshold is { } threshold)
            {
                below = testLoss.Mean <= threshold ? below + 1 : 0;
                if (below > options.Patience)
                    status = EnsembleMemberStatus.Converged;
            }
            secondsBefore += clock.Elapsed.TotalSeconds;
            clock.Restart();
            Save();
            onEvaluation?.Invoke(index, row);
            return Finished;
        }
    }

    private void Diverge(string message, RnnParameters lastGood)
    {
        status = EnsembleMemberStatus.Diverged;
        failure = message;
        current = lastGood;
        Save();
    }

    private string? CheckpointPath => options.CheckpointDirectory is null ? null : Path.Combine(options.CheckpointDirectory, $"member-{index:D5}.ckpt");

    /// <summary>Writes the state atomically: a temporary file in the same directory, then a rename over the old one.</summary>
    private void Save()
    {
        if (CheckpointPath is not { } path)
            return;
        string temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(Fingerprint);
            writer.Write(step);
            writer.Write(status is { } s ? (int)s : -1);
            writer.Write(failure ?? "");
            writer.Write(below);
            writer.Write(secondsBefore);
            writer.Write(adam.Steps);
            var (m, v) = adam.Moments();
            foreach (var array in new[] { current.Values, m, v })
            {
                foreach (double x in array)
                    writer.Write(x);
            }
            writer.Write(log.Count);
            foreach (var r in log)
            {
                writer.Write(r.Step);
                foreach (double x in new[] { r.Epoch, r.TrainLoss, r.TrainAccuracy, r.TestLoss, r.TestAccuracy, r.GradientNorm, r.Seconds })
                    writer.Write(x);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private const string Magic = "fastattractors-ensemble-member-v1";

    /// <summary>Loads this member's checkpoint when there is one; a checkpoint of another spec or options is refused.</summary>
    public void TryResume()
    {
        if (CheckpointPath is not { } path || !File.Exists(path))
            return;
        using var reader = new BinaryReader(File.OpenRead(path));
        string magic = reader.ReadString();
        string fingerprint = reader.ReadString();
        if (magic != Magic || fingerprint != Fingerprint)
            throw new InvalidOperationException($"checkpoint {path} was written for another member or other options ({fingerprint}), not for members[{index}] ({Fingerprint}); "
                + "use a new checkpoint directory or delete it.");
        step = reader.ReadInt64();
        int code = reader.ReadInt32();
        status = code < 0 ? null : (EnsembleMemberStatus)code;
        string text = reader.ReadString();
        failure = text.Length == 0 ? null : text;
        below = reader.ReadInt32();
        secondsBefore = reader.ReadDouble();
        long adamSteps = reader.ReadInt64();
        var arrays = new double[3][];
        for (int a = 0; a < 3; a++)
        {
            arrays[a] = new double[shape.Count];
            for (int p = 0; p < shape.Count; p++)
                arrays[a][p] = reader.ReadDouble();
        }
        arrays[0].CopyTo(current.Values, 0);
        adam.Restore(arrays[1], arrays[2], adamSteps);
        int rows = reader.ReadInt32();
        log.Clear();
        for (int r = 0; r < rows; r++)
        {
            long s = reader.ReadInt64();
            var x = new double[7];
            for (int c = 0; c < 7; c++)
                x[c] = reader.ReadDouble();
            log.Add(new RnnEvaluation(s, x[0], x[1], x[2], x[3], x[4], x[5], x[6]));
        }
    }
}
