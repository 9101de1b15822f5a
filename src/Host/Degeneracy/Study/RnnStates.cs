using FastAttractors.Training;

namespace FastAttractors.Degeneracy;

/// <summary>
/// The hidden states of a trained network on a batch of trials, in float64, from h_{−1} = 0: h_t = tanh(W h_{t−1} +
/// U x_t + b) for the discrete network; for the continuous one the state variable of its Euler steps,
/// h_t = h_{t−1} + α (−h_{t−1} + W tanh(h_{t−1}) + U x_t + b) (the space its fixed points live in, not the rates).
/// </summary>
public static class RnnStates
{
    /// <summary>One matrix per trial of <paramref name="batch"/>, time × n, of the discrete network.</summary>
    public static double[][,] Record(RnnParameters parameters, TaskBatch batch) => Record(parameters, batch, RnnDynamics.Discrete);

    /// <summary>One matrix per trial of <paramref name="batch"/>, time × n, of the network of the given recurrence.</summary>
    public static double[][,] Record(RnnParameters parameters, TaskBatch batch, RnnDynamics dynamics)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(dynamics);
        var shape = parameters.Shape;
        if (batch.InputDim != shape.Inputs)
            throw new ArgumentException($"batch: {batch.InputDim} input channels, the network has {shape.Inputs}.", nameof(batch));
        int n = shape.Hidden, m = shape.Inputs;
        ReadOnlySpan<double> w = parameters.W, u = parameters.U, b = parameters.B;
        var trials = new double[batch.Size][,];
        var previous = new double[n];
        var rates = new double[n];     // what W multiplies: the previous state (discrete) or its tanh (continuous)
        for (int s = 0; s < batch.Size; s++)
        {
            var states = new double[batch.Steps, n];
            Array.Clear(previous);
            Array.Clear(rates);
            for (int t = 0; t < batch.Steps; t++)
            {
                for (int i = 0; i < n; i++)
                {
                    double sum = b[i];
                    for (int j = 0; j < n; j++)
                        sum += w[i * n + j] * rates[j];
                    for (int j = 0; j < m; j++)
                        sum += u[i * m + j] * batch.Input(t, s, j);
                    states[t, i] = dynamics.IsContinuous ? previous[i] + dynamics.Alpha * (sum - previous[i]) : Math.Tanh(sum);
                }
                for (int i = 0; i < n; i++)
                {
                    previous[i] = states[t, i];
                    rates[i] = dynamics.IsContinuous ? Math.Tanh(states[t, i]) : states[t, i];
                }
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
        return Dense.FromRowMajor(parameters.W, parameters.Shape.Hidden, parameters.Shape.Hidden);
    }
}
