using System.Diagnostics;
using FastAttractors.Training;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Degeneracy;

/// <summary>
/// Runs a <see cref="DegeneracyStudySpec"/>: trains every network of every condition as one ensemble
/// (<see cref="EnsembleTrainer"/>), analyses each network (<see cref="NetworkAnalysis"/>), then compares the usable
/// networks of each condition pair by pair at the levels of behaviour, dynamics (DSA), weights and representations
/// (<see cref="NetworkPair"/>) and summarises each condition (<see cref="ConditionSummary"/>).
/// <para>Robustness: a network that diverges, fails, or whose analysis fails gets its row with a status and a reason and
/// is left out of the comparisons; the others' results are kept. Bad specs are refused before any training.</para>
/// <para>Shared inputs: the analysis and out-of-distribution trials are drawn once from the study seed (test split,
/// from index 1,000,000 on, apart from every network's own test set) and given to every network.</para>
/// </summary>
public static class DegeneracyStudy
{
    /// <summary>First test-split index of the shared trials: beyond any network's own test set.</summary>
    public const long SharedTrialOffset = 1_000_000;

    /// <summary>Validates the spec, trains the ensemble, analyses every network and compares them within each condition.</summary>
    /// <param name="spec">The study.</param>
    /// <param name="exponents">Estimator of a network's leading Lyapunov exponents (called with the count
    /// <see cref="DegeneracyStudySpec.Exponents"/>, one network at a time); null skips them.</param>
    /// <param name="onEvaluation">Training progress (member index, log row), from worker threads.</param>
    /// <param name="cancel">Stops training; with a checkpoint directory a later call resumes.</param>
    public static DegeneracyStudyResult Run(DegeneracyStudySpec spec, Func<RnnParameters, int, double[]>? exponents = null,
        Action<int, RnnEvaluation>? onEvaluation = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var conditions = spec.Conditions;
        var members = new List<EnsembleMemberSpec>();
        foreach (var (width, regulariser) in conditions)
        {
            for (int k = 0; k < spec.Networks; k++)
                members.Add(new EnsembleMemberSpec(spec.Task.Train, width, spec.Init, spec.Seed + k, spec.LearningRate, regulariser,
                    DegeneracyStudySpec.ConditionLabel(width, regulariser)));
        }
        var clock = Stopwatch.StartNew();
        var trained = EnsembleTrainer.Train(members, spec.Training, onEvaluation, cancel);
        double trainingSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();

        var analysisTrials = TaskBatches.Range(spec.Task.Train, spec.Seed, TaskSplit.Test, SharedTrialOffset, spec.AnalysisTrials);
        var oodTrials = TaskBatches.Range(spec.Task.OutOfDistribution, spec.Seed, TaskSplit.Test, SharedTrialOffset, spec.OutOfDistributionTrials);
        var analyser = new NetworkAnalyser(spec, analysisTrials, oodTrials);
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
                    Index = i, Condition = members[i].Condition, Width = members[i].Hidden, Regulariser = members[i].Penalty.Label,
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
        if (exponents is not null && spec.Exponents > 0)
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
            var conditionPairs = ConditionComparison.Pairs(label, usable, [.. usable.Select(r => features[r.Index]!)], spec, threads);
            var mapped = ConditionComparison.WithMds(usable, conditionPairs).ToDictionary(r => r.Index);
            finalRows.AddRange(all.Select(r => mapped.TryGetValue(r.Index, out var m) ? m : r));
            pairs.AddRange(conditionPairs);
            summaries.Add(ConditionComparison.Summary(label, width, regulariser.Label, all, conditionPairs));
        }
        return new DegeneracyStudyResult(spec, finalRows, pairs, summaries, trainingSeconds, clock.Elapsed.TotalSeconds);
    }
}
