namespace FastAttractors.Binary.Estimators;

/// <summary>One backend's way of training and recalling batched binary sequence networks (docs/explanations/binary-margin-rule.md).</summary>
internal interface IBinaryEstimator
{
    Backend Backend { get; }

    TrainingResult Train(TrainingPlan plan);

    RecallResult Recall(RecallPlan plan);
}
