namespace FastAttractors.Degeneracy;

/// <summary>
/// Delay (Hankel) embedding of state trajectories: the embedded state at time t stacks the d most recent states,
/// e_t = [h_t, h_{t−1}, …, h_{t−d+1}] (d·n values, newest first). A linear operator fitted on delay-embedded data can
/// represent dynamics that are not linear (or not observable) in the raw states (Ostrow et al. 2023, after HAVOK).
/// </summary>
public static class DelayEmbedding
{
    /// <summary>
    /// The embedded states of one trajectory (time × n): a (T − d + 1) × (d·n) matrix whose row i is e_{i+d−1}.
    /// </summary>
    public static double[,] Embed(double[,] trajectory, int delays)
    {
        Require.NotNull(trajectory, nameof(trajectory));
        Require.AtLeast(delays, 1, nameof(delays));
        int steps = trajectory.GetLength(0), n = trajectory.GetLength(1);
        if (steps < delays)
            throw new ArgumentException($"'{nameof(trajectory)}' must have at least {delays} time steps (the number of delays), got {steps}.", nameof(trajectory));
        int rows = steps - delays + 1;
        var embedded = new double[rows, delays * n];
        for (int i = 0; i < rows; i++)
        {
            int t = i + delays - 1;
            for (int lag = 0; lag < delays; lag++)
                for (int j = 0; j < n; j++)
                    embedded[i, lag * n + j] = trajectory[t - lag, j];
        }
        return embedded;
    }
}
