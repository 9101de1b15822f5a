namespace FastAttractors.Training;

/// <summary>
/// The oracle: loss and exact gradient of a discrete-time tanh RNN on a minibatch, scalar float64 loops written to be
/// read. Forward h_t = tanh(W h_{t−1} + U u_t + b) from h_{−1} = 0, y_t = C h_t + d; backward the discrete adjoint
/// a_t = ∂L/∂h_t = Cᵀ g_t + Wᵀ δ_{t+1} with δ_t = a_t ⊙ (1 − h_t²) and g_t = ∂L/∂y_t, so
/// ∂L/∂W = Σ_t δ_t h_{t−1}ᵀ, ∂L/∂U = Σ_t δ_t u_tᵀ, ∂L/∂b = Σ_t δ_t, ∂L/∂C = Σ_t g_t h_tᵀ, ∂L/∂d = Σ_t g_t
/// (BPTT is exactly this adjoint recursion). L is the mean of ℓ over the scored entries.
/// </summary>
public static class ReferenceRnnGradient
{
    /// <summary>The minibatch loss and, when <paramref name="gradient"/> is given, its exact gradient, in float64.</summary>
    /// <param name="gradient">null for the loss only; else receives ∂L/∂θ in the layout of <see cref="RnnShape"/>.</param>
    public static BatchLoss Compute(RnnParameters parameters, TaskBatch batch, double[]? gradient)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(batch);
        var shape = parameters.Shape;
        RnnBatchChecks.Check(shape, batch, gradient);
        int n = shape.Hidden, m = shape.Inputs, o = shape.Outputs, steps = batch.Steps;
        double[] theta = parameters.Values;
        int scored = batch.ScoredCount;
        double scale = scored == 0 ? 0 : 1.0 / scored;
        if (gradient is not null)
            Array.Clear(gradient);
        double sum = 0;
        int correct = 0;
        var h = new double[steps + 1, n];   // h[t + 1] = h_t; h[0] = h_{−1} = 0
        var g = new double[steps, o];
        var y = new double[o];
        var dy = new double[o];
        for (int s = 0; s < batch.Size; s++)
        {
            for (int t = 0; t < steps; t++)
            {
                for (int i = 0; i < n; i++)
                {
                    double pre = theta[shape.BOffset + i];
                    for (int j = 0; j < n; j++)
                        pre += theta[shape.WOffset + i * n + j] * h[t, j];
                    for (int j = 0; j < m; j++)
                        pre += theta[shape.UOffset + i * m + j] * batch.Input(t, s, j);
                    h[t + 1, i] = Math.Tanh(pre);
                }
                for (int k = 0; k < o; k++)
                    g[t, k] = 0;
                if (!batch.Scored[t * batch.Size + s])
                    continue;
                for (int k = 0; k < o; k++)
                {
                    y[k] = theta[shape.DOffset + k];
                    for (int j = 0; j < n; j++)
                        y[k] += theta[shape.COffset + k * n + j] * h[t + 1, j];
                }
                var (loss, right) = ReadoutLoss.Evaluate(batch, t, s, y, dy);
                sum += loss;
                correct += right ? 1 : 0;
                for (int k = 0; k < o; k++)
                    g[t, k] = dy[k] * scale;
            }
            if (gradient is not null)
                Backward(shape, theta, batch, s, h, g, gradient);
        }
        return new BatchLoss(sum, scored, correct);
    }

    private static void Backward(RnnShape shape, double[] theta, TaskBatch batch, int s, double[,] h, double[,] g, double[] gradient)
    {
        int n = shape.Hidden, m = shape.Inputs, o = shape.Outputs;
        var a = new double[n];
        var delta = new double[n];
        for (int t = batch.Steps - 1; t >= 0; t--)
        {
            for (int k = 0; k < o; k++)
            {
                gradient[shape.DOffset + k] += g[t, k];
                for (int j = 0; j < n; j++)
                {
                    gradient[shape.COffset + k * n + j] += g[t, k] * h[t + 1, j];
                    a[j] += theta[shape.COffset + k * n + j] * g[t, k];
                }
            }
            for (int i = 0; i < n; i++)
                delta[i] = a[i] * (1 - h[t + 1, i] * h[t + 1, i]);
            for (int i = 0; i < n; i++)
            {
                gradient[shape.BOffset + i] += delta[i];
                for (int j = 0; j < n; j++)
                    gradient[shape.WOffset + i * n + j] += delta[i] * h[t, j];
                for (int j = 0; j < m; j++)
                    gradient[shape.UOffset + i * m + j] += delta[i] * batch.Input(t, s, j);
            }
            for (int j = 0; j < n; j++)
            {
                double sumJ = 0;
                for (int i = 0; i < n; i++)
                    sumJ += theta[shape.WOffset + i * n + j] * delta[i];
                a[j] = sumJ;
            }
        }
    }
}
