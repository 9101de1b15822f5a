namespace FastAttractors.Training;

/// <summary>The loss a task scores its chosen steps with.</summary>
public enum TaskLoss
{
    /// <summary>Softmax cross-entropy of the readout y against an integer class label: −log softmax(y)_label.</summary>
    CrossEntropy,

    /// <summary>½ Σ_k (y_k − target_k)².</summary>
    SquaredError,
}
