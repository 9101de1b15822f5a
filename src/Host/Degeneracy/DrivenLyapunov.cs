using FastAttractors.Lyapunov;

namespace FastAttractors.Degeneracy;

/// <summary>
/// Lyapunov exponents of a discrete tanh network driven by a given input sequence, h_{t+1} = tanh(W h_t + U x_t + b)
/// from h_0 = 0: the map changes every step with x_t, so it is not one of the engine's autonomous systems, and this
/// small wrapper runs the engine's QR method on it directly. The tangent frame (the engine's fixed random orthonormal
/// n × k start) is pushed through the Jacobian J_t = diag(1 − h_{t+1}²) W at every step and re-orthonormalised by the
/// engine's Householder QR; after <c>transient</c> steps, log |R_ii| is summed, and exponent i is that sum over the
/// remaining steps (per step, natural log).
/// <para>Exact to rounding for a given finite drive: the result is the finite-time spectrum of that sequence, which
/// converges to the driven system's exponents as the sequence lengthens. A direction W maps to zero has exponent −∞.</para>
/// <para><see cref="ContinuousSpectrum"/> does the same for the continuous-time network as it is trained, one forward
/// Euler step per input, h_{t+1} = h_t + α (−h_t + W tanh(h_t) + U x_t + b), whose Jacobian is
/// J_t = (1 − α) I + α W diag(1 − tanh² h_t): the spectrum of the Euler map divided by dt = 1 step, i.e. per step (the
/// flow's exponents in units of 1/dt as α → 0; multiply by 1/α for units of 1/τ). With a zero drive it is the
/// autonomous spectrum of the flow h ← h + α (−h + W tanh(h) + b).</para>
/// </summary>
public static class DrivenLyapunov
{
    /// <summary>The leading <paramref name="exponents"/> exponents, largest first.</summary>
    /// <param name="w">W, n × n.</param>
    /// <param name="u">U, n × m.</param>
    /// <param name="b">b, length n.</param>
    /// <param name="inputs">The drive x_t, steps × m (one row per step).</param>
    /// <param name="exponents">k, 1 … n.</param>
    /// <param name="transient">Steps run before the log-sums start (0 … steps − 1).</param>
    /// <exception cref="ArgumentException">Shapes that do not match, a non-finite entry, k out of 1 … n, or no step left
    /// after the transient; named.</exception>
    public static double[] Spectrum(double[,] w, double[,] u, double[] b, double[,] inputs, int exponents, int transient) =>
        Run(w, u, b, inputs, exponents, transient, alpha: null, start: null);

    /// <summary>The leading <paramref name="exponents"/> exponents per step, largest first, of the continuous-time network's
    /// Euler steps h_{t+1} = h_t + α (−h_t + W tanh(h_t) + U x_t + b) from <paramref name="start"/> (zero when null).</summary>
    /// <param name="w">W, n × n.</param>
    /// <param name="u">U, n × m.</param>
    /// <param name="b">b, length n.</param>
    /// <param name="inputs">The drive x_t, steps × m (one row per step; zeros for the autonomous flow).</param>
    /// <param name="exponents">k, 1 … n.</param>
    /// <param name="transient">Steps run before the log-sums start (0 … steps − 1).</param>
    /// <param name="alpha">α = dt/τ, in (0, 1].</param>
    /// <param name="start">h_0, length n; zero when null.</param>
    /// <exception cref="ArgumentException">As <see cref="Spectrum"/>, or α outside (0, 1], or a start of another length
    /// or with a non-finite entry; named.</exception>
    public static double[] ContinuousSpectrum(double[,] w, double[,] u, double[] b, double[,] inputs, int exponents, int transient, double alpha,
        double[]? start = null)
    {
        if (!(alpha > 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"'{nameof(alpha)}' (dt/τ) must be in (0, 1], got {alpha}.");
        return Run(w, u, b, inputs, exponents, transient, alpha, start);
    }

    private static double[] Run(double[,] w, double[,] u, double[] b, double[,] inputs, int exponents, int transient, double? alpha, double[]? start)
    {
        Require.NotNull(w, nameof(w));
        Require.NotNull(u, nameof(u));
        Require.NotNull(b, nameof(b));
        Require.NotNull(inputs, nameof(inputs));
        Require.Square(w, nameof(w));
        int n = w.GetLength(0), m = u.GetLength(1), steps = inputs.GetLength(0);
        if (u.GetLength(0) != n)
            throw new ArgumentException($"'{nameof(u)}' must have {n} rows like W, got {u.GetLength(0)}.", nameof(u));
        if (b.Length != n)
            throw new ArgumentException($"'{nameof(b)}' must have {n} entries like W, got {b.Length}.", nameof(b));
        if (inputs.GetLength(1) != m)
            throw new ArgumentException($"'{nameof(inputs)}' must have {m} columns like U, got {inputs.GetLength(1)}.", nameof(inputs));
        if (exponents < 1 || exponents > n)
            throw new ArgumentOutOfRangeException(nameof(exponents), exponents, $"'{nameof(exponents)}' must be in 1 … n = {n}, got {exponents}.");
        if (transient < 0 || transient >= steps)
            throw new ArgumentOutOfRangeException(nameof(transient), transient,
                $"'{nameof(transient)}' must be in 0 … steps − 1 = {steps - 1} (some steps must be left to average over), got {transient}.");
        Require.Finite(w, nameof(w));
        Require.Finite(u, nameof(u));
        Require.Finite(b, nameof(b));
        Require.Finite(inputs, nameof(inputs));
        if (start is not null)
        {
            Require.Length(start, n, nameof(start));
            Require.Finite(start, nameof(start));
        }

        int k = exponents;
        var q = InitialTangents.Create(n, k); // column-major n × k, the engine's start frame
        var next = new double[n * k];
        var r = new double[k];
        var work = new double[n * k + n];
        var sums = new double[k];
        var h = new double[n];
        var hNext = new double[n];
        var gain = new double[n];
        var rates = new double[alpha is null ? 0 : n];
        start?.CopyTo(h, 0);
        for (int t = 0; t < steps; t++)
        {
            if (alpha is { } a)
                EulerStep(w, u, b, inputs, t, a, h, hNext, gain, rates, q, next, k);
            else
                MapStep(w, u, b, inputs, t, h, hNext, gain, q, next, k);
            HouseholderQr.Factor(next, n, k, r, work);
            (q, next) = (next, q);
            if (t >= transient)
            {
                for (int c = 0; c < k; c++)
                    sums[c] += Math.Log(Math.Abs(r[c]));
            }
            (h, hNext) = (hNext, h);
        }
        var spectrum = new double[k];
        for (int c = 0; c < k; c++)
            spectrum[c] = sums[c] / (steps - transient);
        // QR orders the columns by growth only asymptotically; report largest first.
        Array.Sort(spectrum, (x, y) => y.CompareTo(x));
        return spectrum;
    }

    /// <summary>h_{t+1} = tanh(W h_t + U x_t + b) and next ← diag(1 − h_{t+1}²) W Q.</summary>
    private static void MapStep(double[,] w, double[,] u, double[] b, double[,] inputs, int t, double[] h, double[] hNext, double[] gain,
        double[] q, double[] next, int k)
    {
        int n = h.Length;
        for (int i = 0; i < n; i++)
        {
            hNext[i] = Math.Tanh(Drive(w, u, b, inputs, t, h, i));
            gain[i] = 1 - hNext[i] * hNext[i];
        }
        for (int c = 0; c < k; c++)
        {
            var target = next.AsSpan(c * n, n);
            Multiply(w, q.AsSpan(c * n, n), target);
            for (int i = 0; i < n; i++)
                target[i] *= gain[i];
        }
    }

    /// <summary>h_{t+1} = h_t + α (−h_t + W tanh(h_t) + U x_t + b) and next ← ((1 − α) I + α W diag(1 − tanh² h_t)) Q;
    /// <paramref name="rates"/> is scratch for tanh(h_t), then for each diag(1 − tanh² h_t) Q column.</summary>
    private static void EulerStep(double[,] w, double[,] u, double[] b, double[,] inputs, int t, double alpha, double[] h, double[] hNext,
        double[] gain, double[] rates, double[] q, double[] next, int k)
    {
        int n = h.Length;
        for (int j = 0; j < n; j++)
        {
            rates[j] = Math.Tanh(h[j]);
            gain[j] = 1 - rates[j] * rates[j];
        }
        for (int i = 0; i < n; i++)
            hNext[i] = h[i] + alpha * (Drive(w, u, b, inputs, t, rates, i) - h[i]);
        for (int c = 0; c < k; c++)
        {
            var column = q.AsSpan(c * n, n);
            var target = next.AsSpan(c * n, n);
            for (int j = 0; j < n; j++)
                rates[j] = gain[j] * column[j];
            Multiply(w, rates, target);
            for (int i = 0; i < n; i++)
                target[i] = (1 - alpha) * column[i] + alpha * target[i];
        }
    }

    /// <summary>(W v + U x_t + b)_i.</summary>
    private static double Drive(double[,] w, double[,] u, double[] b, double[,] inputs, int t, double[] v, int i)
    {
        double sum = b[i];
        for (int j = 0; j < v.Length; j++)
            sum += w[i, j] * v[j];
        for (int j = 0; j < u.GetLength(1); j++)
            sum += u[i, j] * inputs[t, j];
        return sum;
    }

    /// <summary>y = W x.</summary>
    private static void Multiply(double[,] w, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < x.Length; j++)
                sum += w[i, j] * x[j];
            y[i] = sum;
        }
    }
}
