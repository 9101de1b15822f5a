using FastAttractors.Cli.Output;
using FastAttractors.Degeneracy;

namespace FastAttractors.Cli.Degeneracy;

/// <summary>
/// The metadata of a degeneracy run's files. Training runs on the host (float32 SIMD gradients, float64 Adam state);
/// every analysis is float64 on the host; autonomous Lyapunov exponents, when asked for, come from the engine's backend
/// (the driven ones from the host). Network
/// rows carry their own width, regulariser and seed (the per-member columns); everything else is shared.
/// </summary>
internal static class DegeneracyResultMetadata
{
    public const string Precision = "float32 (training gradients), float64 (analysis)";

    public static ResultMetadata Create(DegeneracyStudySpec spec, string backend, string args)
    {
        var t = spec.Training;
        var meta = new ResultMetadata("degeneracy", backend, Precision, ResultMetadata.MapTime + " (sequence steps)")
            .Setting("task", spec.Task.Name).Setting("init", spec.Init.ToString().ToLowerInvariant()).Setting("args", args)
            .Setting("dynamics", spec.Dynamics.IsContinuous
                ? $"continuous: tau dh/dt = -h + W tanh(h) + U x + b, one Euler step per task step, dt/tau = {spec.Dynamics.Alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, readout C tanh(h) + d; states, fixed points and exponents of h in task steps"
                : "discrete: h <- tanh(W h + U x + b), readout C h + d")
            .Setting("widths", string.Join(",", spec.Widths)).Setting("regularisers", string.Join(",", spec.Regularisers.Select(r => r.Label)))
            .Setting("weight_distance", $"exact by enumeration for n ≤ {spec.ExactWeightDistanceUpTo}; above, profile matching (linear assignment on sorted in/out weights) + pair swaps: an upper bound")
            .Setting("fixed_point_input", "u* = 0 (no input)")
            .Setting("pairs", spec.Pairs == DegeneracyPairs.All ? "all (within each condition, then across every two conditions)" : "within (each condition's)")
            .Setting("dsa_self", $"DSA distance between a network's operators on the analysis trials and on as many other shared trials (test indices from {DegeneracyStudy.SelfTrialOffset})")
            .Shared("seed", spec.Seed).Shared("networks", (long)spec.Networks).Shared("lr", spec.LearningRate).Shared("steps_per_sequence", (long)spec.Task.Train.Steps)
            .Shared("ood_steps_per_sequence", (long)spec.Task.OutOfDistribution.Steps).Shared("difficulty", spec.Task.Difficulty)
            .Shared("batch", (long)t.BatchSize).Shared("train_size", (long)t.TrainSize).Shared("test_size", (long)t.TestSize).Shared("epochs", (long)t.Epochs)
            .Shared("clip", t.ClipNorm).Shared("threshold", t.LossThreshold ?? double.NaN).Shared("patience", (long)t.Patience)
            .Shared("analysis_trials", (long)spec.AnalysisTrials).Shared("ood_trials", (long)spec.OutOfDistributionTrials)
            .Shared("fixed_point_starts", (long)spec.FixedPointStarts).Shared("dsa_rank", (long)spec.Dsa.Rank).Shared("dsa_delays", (long)spec.Dsa.Delays)
            .Shared("exponents", (long)spec.Exponents).Shared("driven_exponents", (long)spec.DrivenExponents)
            .Shared("lyapunov_iterations", (long)spec.LyapunovIterations);
        if (spec.DrivenExponents > 0)
            meta.Setting("driven_input", $"the task's test trials from index {DegeneracyStudy.DrivenTrialOffset} on, back to back, state carried across trials; transient {DegeneracyStudy.LyapunovTransient} steps");
        foreach (var (column, unit) in Units)
            meta.Unit(column, unit);
        for (int i = 1; i <= spec.Exponents; i++)
            meta.Unit($"lyapunov_{i}", ResultMetadata.MapRate);
        for (int i = 1; i <= spec.DrivenExponents; i++)
            meta.Unit($"lyapunov_driven_{i}", ResultMetadata.MapRate);
        return meta;
    }

    private static readonly (string Column, string Unit)[] Units =
    [
        ("steps", "parameter updates"), ("final_test_loss", "loss (task's loss function)"), ("ood_loss", "loss (task's loss function)"),
        ("weight_norm", "weight units (Frobenius norm)"), ("weight_change", "weight units (Frobenius norm)"), ("fixed_points", "count"),
        ("plane_explained", "fraction of variance"), ("mds_behaviour", "loss units"),
        ("mds_dynamics", "DSA distance units (Frobenius of operators per step)"), ("mds_weights", "relative weight distance (dimensionless)"),
        ("mds_representation", "1 − CKA (dimensionless)"), ("behaviour", "loss (|Δ OOD loss|)"), ("dsa", "Frobenius norm of operator difference (per step)"),
        ("weight_frobenius", "weight units"), ("weight_per_parameter", "weight units / n²"), ("weight_relative", "dimensionless (/ mean ‖W‖_F)"),
        ("cka", "dimensionless [0, 1]"), ("ood_loss_sd", "loss (task's loss function)"), ("mean_dsa", "Frobenius norm of operator difference (per step)"),
        ("dsa_self", "Frobenius norm of operator difference (per step)"), ("dsa_self_max", "Frobenius norm of operator difference (per step)"),
        ("mean_dsa_self", "Frobenius norm of operator difference (per step)"), ("dsa_above_self_fraction", "fraction of pairs"),
    ];
}
