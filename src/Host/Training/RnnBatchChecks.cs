namespace FastAttractors.Training;

/// <summary>Argument checks shared by the gradient paths: the batch must match the network's shape.</summary>
internal static class RnnBatchChecks
{
    public static void Check(RnnShape shape, TaskBatch batch, Array? gradient)
    {
        if (batch.InputDim != shape.Inputs)
            throw new ArgumentException($"batch: {batch.InputDim} input channels, the network has {shape.Inputs}.", nameof(batch));
        if (batch.OutputDim != shape.Outputs)
            throw new ArgumentException($"batch: {batch.OutputDim} output channels, the network has {shape.Outputs}.", nameof(batch));
        if (gradient is not null && gradient.Length != shape.Count)
            throw new ArgumentException($"gradient: needs {shape.Count} values, got {gradient.Length}.", nameof(gradient));
    }
}
