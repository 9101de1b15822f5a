using System.Diagnostics;
using FastAttractors.Training;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Degeneracy;

/// <summary>
/// Runs a <see cref="DegeneracyStudySpec"/>: trains every network of every condition as one ensemble
/// (<see cref="EnsembleTrainer"/>), analyses each network (<see cref="NetworkAnalysis"/>), then compares the usable
/// networks of each condition pair by pair at the levels of behaviour, dynamics (DSA), weights and representations
/// (<see cref="NetworkPair"/>) and summarises each condition (<see cref="ConditionSummary"/>); with
/// <see cref="DegeneracyPairs.All"/> it also compares every pair of networks from two conditions
/// (<see cref="CrossConditionSummary"/>).
/// <para>Robustness: a network that diverges, fails, or whose analysis fails gets its row with a status and a reason and
/// is left out of the comparisons; the others' results are kept. Bad specs are refused before any training.</para>
/// <para>Shared inputs: the analysis and out-of-distribution trials are drawn once from the study seed (test split,
/// from index 1,000,000 on, apart from every network's own test set) and given to every network.</para>
/// </summary>
public static class DegeneracyStudy
{
    /// <summary>First test-split index of the shared trials: beyond any network's own test set.</summary>
    public const long SharedTrialOffset = 1_000_000;

    /// <summary>First test-split index of the second analysis set, on which each network's DSA self-distance
    /// (<see cref="NetworkAnalysis.DsaSelf"/>) is measured: as many trials as the analysis set, none of them shared.</summary>
    public const long SelfTrialOffset = 2_000_000;

    /// <summary>First test-split index of the trials that drive the driven Lyapunov spectrum (back to back, the state
    /// carried across trial boundaries, so the drive is one long input stream).</summary>
    public const long DrivenTrialOffset = 3_000_000;

    /// <summary>Steps of the drive run before the driven exponents' log-sums start (as the CLI's autonomous exponents).</summary>
    public const int LyapunovTransient = 500;

    /// <summary>Validates the spec, trains the ensemble, analyses every network and compares them within each condition
    /// (and across conditions when <see cref="DegeneracyStudySpec.Pairs"/> is <see cref="DegeneracyPairs.All"/>).</summary>
    /// <param name="spec">The study.</param>
    /// <param name="exponents">Estimator of a discrete network's leading Lyapunov exponents (called with the count
    /// <see cref="DegeneracyStudySpec.Exponents"/>, one network at a time); null skips them. Not called for a continuous
    /// study: its networks' exponents are those of their Euler map, computed by the library.</param>
    /// <param name="onEvaluation">Training progress (member index, log row), from worker threads.</param>
    /// <param name="cancel">Stops training; with a checkpoint directory a later call resumes.</param>
    public static DegeneracyStudyResult Run(DegeneracyStudySpec spec, Func<RnnParameters, int, double[]>? exponents = null,
        Action<int, RnnEvaluation>? onEvaluation = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var conditions = spec.Conditions;
        var members = Members(spec);
        var clock = Stopwatch.StartNew();
        var trained = EnsembleTrainer.Train(members, spec.Training, onEvaluation, cancel);
        double trainingSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();

        var analysisTrials = TaskBatches.Range(spec.Task.Train, spec.Seed, TaskSplit.Test, SharedTrialOffset, spec.AnalysisTrials);
        var oodTrials = TaskBatches.Range(spec.Task.OutOfDistribution, spec.Seed, TaskSplit.Test, SharedTrialOffset, spec.OutOfDistributionTrials);
        var selfTrials = TaskBatches.Range(spec.Task.Train, spec.Seed, TaskSplit.Test, SelfTrialOffset, spec.AnalysisTrials);
        var analyser = new NetworkAnalyser(spec, analysisTrials, oodTrials, selfTrials, spec.DrivenExponents > 0 ? Drive(spec) : null);
        var rows = new NetworkAnalysis[members.Count];
        var features = new NetworkAnalyser.Features?[members.Count];
        int threads = spec.Training.MaxDegreeOfParallelism;
        var order = Enumerable.Range(0, members.Count).OrderByDescending(i => members[i].Hidden).ToArray();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(order, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var t = trained[i];
                var row = new NetworkAnalysis
                {
                    Index = i, Condition = members[i].Condition, Width = members[i].Hidden, Regulariser = members[i].Penalty.Label, Dynamics = spec.Dynamics.Label,
                    Replicate = i % spec.Networks, Seed = members[i].Seed, Status = t.Status, Failure = t.Failure, Steps = t.Steps, Log = t.Log,
                    FinalTestLoss = t.FinalTestLoss,
                };
                try
                {
                    (rows[i], features[i]) = analyser.Analyse(row, t, i);
                }
                catch (Exception error) when (error is ArgumentException or InvalidOperationException or ArithmeticException)
                {
                    rows[i] = row with { Failure = row.Failure ?? $"analysis failed: {error.GetType().Name}: {error.Message}" };
                }
            });
        // A continuous network's autonomous exponents were computed in its analysis (the estimator knows the map only).
        if (exponents is not null && spec.Exponents > 0 && !spec.Dynamics.IsContinuous)
        {
            for (int i = 0; i < rows.Length; i++)
            {
                if (trained[i].Final.AllFinite())
                    rows[i] = rows[i] with { Exponents = exponents(trained[i].Final, spec.Exponents) };
            }
        }

        var pairs = new List<NetworkPair>();
        var summaries = new List<ConditionSummary>();
        var finalRows = new List<NetworkAnalysis>();
        foreach (var (width, regulariser) in conditions)
        {
            string label = DegeneracyStudySpec.ConditionLabel(width, regulariser);
            var all = rows.Where(r => r.Condition == label).ToArray();
            var usable = all.Where(r => r.Usable && features[r.Index] is not null).ToArray();
            var conditionPairs = ConditionComparison.Pairs(usable, [.. usable.Select(r => features[r.Index]!)], spec, threads);
            var mapped = ConditionComparison.WithMds(usable, conditionPairs).ToDictionary(r => r.Index);
            finalRows.AddRange(all.Select(r => mapped.TryGetValue(r.Index, out var m) ? m : r));
            pairs.AddRange(conditionPairs);
            summaries.Add(ConditionComparison.Summary(label, width, regulariser.Label, all, conditionPairs));
        }
        var cross = new List<CrossConditionSummary>();
        if (spec.Pairs == DegeneracyPairs.All)
        {
            var labels = conditions.Select(c => DegeneracyStudySpec.ConditionLabel(c.Width, c.Regulariser)).ToArray();
            var usableOf = labels.Select(label => rows.Where(r => r.Condition == label && r.Usable && features[r.Index] is not null).ToArray()).ToArray();
            for (int a = 0; a < labels.Length; a++)
            {
                for (int b = a + 1; b < labels.Length; b++)
                {
                    var between = ConditionComparison.CrossPairs(usableOf[a], [.. usableOf[a].Select(r => features[r.Index]!)],
                        usableOf[b], [.. usableOf[b].Select(r => features[r.Index]!)], spec, threads);
                    pairs.AddRange(between);
                    cross.Add(ConditionComparison.CrossSummary(labels[a], labels[b], between));
                }
            }
        }
        return new DegeneracyStudyResult(spec, finalRows, pairs, summaries, trainingSeconds, clock.Elapsed.TotalSeconds) { CrossConditions = cross };
    }

    /// <summary>The ensemble members <see cref="Run"/> trains for <paramref name="spec"/>, in its order (conditions as
    /// <see cref="DegeneracyStudySpec.Conditions"/>, network k of each with seed Seed + k), each with the spec's
    /// recurrence: what a caller training the same networks itself must pass to <see cref="EnsembleTrainer"/>.</summary>
    public static IReadOnlyList<EnsembleMemberSpec> Members(DegeneracyStudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var members = new List<EnsembleMemberSpec>();
        foreach (var (width, regulariser) in spec.Conditions)
        {
            for (int k = 0; k < spec.Networks; k++)
                members.Add(new EnsembleMemberSpec(spec.Task.Train, width, spec.Init, spec.Seed + k, spec.LearningRate, regulariser,
                    DegeneracyStudySpec.ConditionLabel(width, regulariser), Dynamics: spec.Dynamics));
        }
        return members;
    }

    /// <summary>
    /// The drive of the driven Lyapunov spectrum: the study seed's test trials of the training task from
    /// <see cref="DrivenTrialOffset"/> on, back to back, <see cref="LyapunovTransient"/> + iterations steps × inputs. The
    /// same for every network, so their driven spectra are comparable.
    /// </summary>
    public static double[,] Drive(DegeneracyStudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var task = spec.Task.Train;
        int steps = LyapunovTransient + spec.LyapunovIterations;
        int trials = (steps + task.Steps - 1) / task.Steps;
        var batch = TaskBatches.Range(task, spec.Seed, TaskSplit.Test, DrivenTrialOffset, trials);
        var drive = new double[steps, batch.InputDim];
        for (int t = 0; t < steps; t++)
            for (int j = 0; j < batch.InputDim; j++)
                drive[t, j] = batch.Input(t % task.Steps, t / task.Steps, j);
        return drive;
    }
}
