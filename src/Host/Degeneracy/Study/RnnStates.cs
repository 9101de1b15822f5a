using FastAttractors.Training;

namespace FastAttractors.Degeneracy;

/// <summary>The hidden states of a trained network on a batch of trials, in float64: h_t = tanh(W h_{t−1} + U x_t + b), h_{−1} = 0.</summary>
public static class RnnStates
{
    /// <summary>One matrix per trial of <paramref name="batch"/>, time × n.</summary>
    public static double[][,] Record(RnnParameters parameters, TaskBatch batch)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(batch);
        var shape = parameters.Shape;
        if (batch.InputDim != shape.Inputs)
            throw new ArgumentException($"batch: {batch.InputDim} input channels, the network has {shape.Inputs}.", nameof(batch));
        int n = shape.Hidden, m = shape.Inputs;
        ReadOnlySpan<double> w = parameters.W, u = parameters.U, b = parameters.B;
        var trials = new double[batch.Size][,];
        var previous = new double[n];
        for (int s = 0; s < batch.Size; s++)
        {
            var states = new double[batch.Steps, n];
            Array.Clear(previous);
            for (int t = 0; t < batch.Steps; t++)
            {
                for (int i = 0; i < n; i++)
                {
                    double sum = b[i];
                    for (int j = 0; j < n; j++)
                        sum += w[i * n + j] * previous[j];
                    for (int j = 0; j < m; j++)
                        sum += u[i * m + j] * batch.Input(t, s, j);
                    states[t, i] = Math.Tanh(sum);
                }
                for (int i = 0; i < n; i++)
                    previous[i] = states[t, i];
            }
            trials[s] = states;
        }
        return trials;
    }

    /// <summary>All trials stacked (Σ time) × n: the samples of CKA.</summary>
    public static double[,] Stack(IReadOnlyList<double[,]> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        int n = trials[0].GetLength(1), rows = trials.Sum(t => t.GetLength(0));
        var all = new double[rows, n];
        int r = 0;
        foreach (var trial in trials)
        {
            for (int t = 0; t < trial.GetLength(0); t++, r++)
                for (int j = 0; j < n; j++)
                    all[r, j] = trial[t, j];
        }
        return all;
    }

    /// <summary>W of <paramref name="parameters"/> as an n × n matrix.</summary>
    public static double[,] RecurrentWeights(RnnParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int n = parameters.Shape.Hidden;
        var w = new double[n, n];
        ReadOnlySpan<double> flat = parameters.W;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                w[i, j] = flat[i * n + j];
        return w;
    }
}
