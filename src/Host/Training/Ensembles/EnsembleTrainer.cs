using System.Collections.Concurrent;

namespace FastAttractors.Training;

/// <summary>
/// Trains many independent tanh RNNs side by side (<see cref="EnsembleMemberSpec"/>: task, width, initialisation,
/// seed, learning rate, penalty each) by exact BPTT gradients and Adam with clipping. Members run in parallel over the
/// thread pool, widest first so the long jobs start early; each member's gradient runs on one thread, so no member's
/// numbers depend on the thread count or on which other members are present (a member trained alone and inside an
/// ensemble ends with bit-identical parameters).
/// <para>Per member: early stopping at <see cref="EnsembleOptions.LossThreshold"/> after the patience (a stopped member
/// costs nothing further); a non-finite loss or gradient marks it <see cref="EnsembleMemberStatus.Diverged"/> with its
/// last good parameters; an unexpected error marks it <see cref="EnsembleMemberStatus.Failed"/>. The others are
/// unaffected in every case.</para>
/// <para>Checkpoints: with <see cref="EnsembleOptions.CheckpointDirectory"/>, each member's full state (parameters,
/// Adam moments, step, log, stopping state) is written atomically at each evaluation. A run killed or cancelled and
/// called again with the same members, options and directory resumes each member from its last checkpoint and ends
/// with the same parameters as an uninterrupted run.</para>
/// </summary>
public static class EnsembleTrainer
{
    /// <summary>Trains every member and returns their results in member order.</summary>
    /// <param name="members">The networks to train (at least one).</param>
    /// <param name="options">Shared settings.</param>
    /// <param name="onEvaluation">Called after each evaluation with (member index, log row), from worker threads: must be thread-safe.</param>
    /// <param name="cancel">Stops every member at its next update; the checkpoints keep their last evaluated state.</param>
    /// <exception cref="ArgumentException">A bad member or option, named with its value, before any training buffer exists.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired.</exception>
    public static IReadOnlyList<EnsembleMemberResult> Train(IReadOnlyList<EnsembleMemberSpec> members, EnsembleOptions options,
        Action<int, RnnEvaluation>? onEvaluation = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(options);
        if (members.Count == 0)
            throw new ArgumentException("members must hold at least one network, got none.", nameof(members));
        options.Validate();
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i] is null)
                throw new ArgumentNullException($"members[{i}]", $"members[{i}] must not be null.");
            members[i].Validate(i);
        }
        if (options.CheckpointDirectory is { } directory)
            Directory.CreateDirectory(directory);
        var runs = new EnsembleMemberRun[members.Count];
        for (int i = 0; i < members.Count; i++)
        {
            runs[i] = new EnsembleMemberRun(i, members[i], options);
            runs[i].TryResume();
        }
        // Widest (costliest) members first; no buffering, so a free thread always takes the next costliest.
        var order = Enumerable.Range(0, members.Count).OrderByDescending(i => members[i].Hidden).ThenBy(i => i).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), parallel, i =>
        {
            try
            {
                runs[i].Run(onEvaluation, cancel);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                runs[i].Fail(error);
            }
        });
        cancel.ThrowIfCancellationRequested();
        return runs.Select(r => r.Result()).ToArray();
    }
}
