namespace FastAttractors.Binary.Estimators;

/// <summary>One backend's way of training and recalling batched binary sequence networks (spec §2, §4).</summary>
internal interface IBinaryEstimator
{
    Backend Backend { get; }

    TrainingResult Train(TrainingPlan plan);

    RecallResult Recall(RecallPlan plan);
}
