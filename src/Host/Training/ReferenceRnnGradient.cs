namespace FastAttractors.Training;

/// <summary>
/// The oracle: loss and exact gradient of a tanh RNN on a minibatch, scalar float64 loops written to be read.
/// <para>Discrete (<see cref="RnnDynamics.Discrete"/>): forward h_t = tanh(W h_{t−1} + U u_t + b) from h_{−1} = 0,
/// y_t = C h_t + d; backward the discrete adjoint a_t = ∂L/∂h_t = Cᵀ g_t + Wᵀ δ_{t+1} with δ_t = a_t ⊙ (1 − h_t²) and
/// g_t = ∂L/∂y_t, so ∂L/∂W = Σ_t δ_t h_{t−1}ᵀ, ∂L/∂U = Σ_t δ_t u_tᵀ, ∂L/∂b = Σ_t δ_t, ∂L/∂C = Σ_t g_t h_tᵀ,
/// ∂L/∂d = Σ_t g_t (BPTT is exactly this adjoint recursion). L is the mean of ℓ over the scored entries.</para>
/// <para>Continuous (<see cref="RnnDynamics.Continuous"/>, α = dt/τ): forward
/// h_t = h_{t−1} + α (−h_{t−1} + W r_{t−1} + U u_t + b) with rates r_t = tanh(h_t) from h_{−1} = 0, y_t = C r_t + d;
/// backward e_t = Cᵀ g_t + Wᵀ δ_{t+1}, a_t = ∂L/∂h_t = (1 − r_t²) ⊙ e_t + (1 − α) a_{t+1}, δ_t = α a_t, and the
/// parameter gradients are the discrete ones with r in place of h: the exact gradient of the Euler steps (not of the
/// flow they approximate). The discrete network is the same recursion with r_t = h_t, no leak term and δ_t = a_t, so
/// one loop computes both.</para>
/// </summary>
public static class ReferenceRnnGradient
{
    /// <summary>The minibatch loss and, when <paramref name="gradient"/> is given, its exact gradient, in float64, of the
    /// discrete network.</summary>
    /// <param name="gradient">null for the loss only; else receives ∂L/∂θ in the layout of <see cref="RnnShape"/>.</param>
    public static BatchLoss Compute(RnnParameters parameters, TaskBatch batch, double[]? gradient) =>
        Compute(parameters, batch, gradient, RnnDynamics.Discrete);

    /// <summary>The minibatch loss and, when <paramref name="gradient"/> is given, its exact gradient, in float64, of the
    /// network of the given recurrence.</summary>
    /// <param name="gradient">null for the loss only; else receives ∂L/∂θ in the layout of <see cref="RnnShape"/>.</param>
    /// <param name="dynamics">Discrete or continuous (with its α).</param>
    public static BatchLoss Compute(RnnParameters parameters, TaskBatch batch, double[]? gradient, RnnDynamics dynamics)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(dynamics);
        var shape = parameters.Shape;
        RnnBatchChecks.Check(shape, batch, gradient);
        int n = shape.Hidden, m = shape.Inputs, o = shape.Outputs, steps = batch.Steps;
        bool continuous = dynamics.IsContinuous;
        double alpha = dynamics.Alpha;
        double[] theta = parameters.Values;
        int scored = batch.ScoredCount;
        double scale = scored == 0 ? 0 : 1.0 / scored;
        if (gradient is not null)
            Array.Clear(gradient);
        double sum = 0;
        int correct = 0;
        var h = new double[continuous ? steps + 1 : 0, n];   // continuous only: h[t + 1] = h_t; h[0] = h_{−1} = 0
        var r = new double[steps + 1, n];   // r[t + 1] = the state (discrete) or the rates tanh(h_t) (continuous); r[0] = 0
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
                        pre += theta[shape.WOffset + i * n + j] * r[t, j];
                    for (int j = 0; j < m; j++)
                        pre += theta[shape.UOffset + i * m + j] * batch.Input(t, s, j);
                    if (continuous)
                    {
                        h[t + 1, i] = h[t, i] + alpha * (pre - h[t, i]);
                        r[t + 1, i] = Math.Tanh(h[t + 1, i]);
                    }
                    else
                        r[t + 1, i] = Math.Tanh(pre);
                }
                for (int k = 0; k < o; k++)
                    g[t, k] = 0;
                if (!batch.Scored[t * batch.Size + s])
                    continue;
                for (int k = 0; k < o; k++)
                {
                    y[k] = theta[shape.DOffset + k];
                    for (int j = 0; j < n; j++)
                        y[k] += theta[shape.COffset + k * n + j] * r[t + 1, j];
                }
                var (loss, right) = ReadoutLoss.Evaluate(batch, t, s, y, dy);
                sum += loss;
                correct += right ? 1 : 0;
                for (int k = 0; k < o; k++)
                    g[t, k] = dy[k] * scale;
            }
            if (gradient is not null)
                Backward(shape, theta, batch, s, r, g, dynamics, gradient);
        }
        return new BatchLoss(sum, scored, correct);
    }

    private static void Backward(RnnShape shape, double[] theta, TaskBatch batch, int s, double[,] r, double[,] g, RnnDynamics dynamics, double[] gradient)
    {
        int n = shape.Hidden, m = shape.Inputs, o = shape.Outputs;
        bool continuous = dynamics.IsContinuous;
        double alpha = dynamics.Alpha;
        var e = new double[n];        // ∂L/∂r_t through the readout and the next step: Cᵀ g_t + Wᵀ δ_{t+1}
        var a = new double[n];        // continuous: ∂L/∂h_t, carried back through the leak as (1 − α) a_t
        var delta = new double[n];
        for (int t = batch.Steps - 1; t >= 0; t--)
        {
            for (int k = 0; k < o; k++)
            {
                gradient[shape.DOffset + k] += g[t, k];
                for (int j = 0; j < n; j++)
                {
                    gradient[shape.COffset + k * n + j] += g[t, k] * r[t + 1, j];
                    e[j] += theta[shape.COffset + k * n + j] * g[t, k];
                }
            }
            for (int i = 0; i < n; i++)
            {
                double local = e[i] * (1 - r[t + 1, i] * r[t + 1, i]);
                if (continuous)
                {
                    a[i] = local + (1 - alpha) * a[i];
                    delta[i] = alpha * a[i];
                }
                else
                    delta[i] = local;
            }
            for (int i = 0; i < n; i++)
            {
                gradient[shape.BOffset + i] += delta[i];
                for (int j = 0; j < n; j++)
                    gradient[shape.WOffset + i * n + j] += delta[i] * r[t, j];
                for (int j = 0; j < m; j++)
                    gradient[shape.UOffset + i * m + j] += delta[i] * batch.Input(t, s, j);
            }
            for (int j = 0; j < n; j++)
            {
                double sumJ = 0;
                for (int i = 0; i < n; i++)
                    sumJ += theta[shape.WOffset + i * n + j] * delta[i];
                e[j] = sumJ;
            }
        }
    }
}
