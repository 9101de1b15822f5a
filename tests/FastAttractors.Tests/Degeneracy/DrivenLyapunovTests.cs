using FastAttractors.Degeneracy;
using Xunit;
using static FastAttractors.Tests.Degeneracy.DegeneracyMatrices;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>
/// The driven Lyapunov spectrum of h ← tanh(W h + U x_t + b) against answers known in closed form: the Jacobian
/// diag(1 − h²) W is a constant a·R at h = 0, a constant diagonal at a constant input's fixed point, and alternates
/// on a period-2 drive; the sum of all n exponents is the mean log |det J_t| for any W and drive.
/// </summary>
public class DrivenLyapunovTests
{
    private static double[,] Constant(int steps, params double[] x)
    {
        var inputs = new double[steps, x.Length];
        for (int t = 0; t < steps; t++)
            for (int j = 0; j < x.Length; j++)
                inputs[t, j] = x[j];
        return inputs;
    }

    private static double[,] Column(params double[] c)
    {
        var u = new double[c.Length, 1];
        for (int i = 0; i < c.Length; i++) u[i, 0] = c[i];
        return u;
    }

    [Fact]
    public void Zero_input_at_the_origin_gives_log_a_for_every_exponent_of_W_equal_to_a_times_a_rotation()
    {
        // h stays exactly 0, so J_t = a·R every step and every |R_ii| of the QR is a: log a to rounding (1e-12).
        const double a = 0.7;
        var w = Scale(Orthogonal(4, new Random(5)), a);
        var spectrum = DrivenLyapunov.Spectrum(w, new double[4, 1], new double[4], Constant(300, 0), 4, transient: 50);
        Assert.All(spectrum, l => Assert.Equal(Math.Log(a), l, 1e-12));
    }

    [Fact]
    public void A_constant_input_gives_the_logs_of_the_gains_at_its_fixed_point()
    {
        // W = a·I decouples the units: unit i settles at h_i* = tanh(a h_i* + c_i), where J = diag(a(1 − h_i*²)). After
        // the transient the state and the frame have converged (rates ≤ a and gain ratios ≤ 0.9 per step, 300 steps):
        // exponent i is log(a(1 − h_i*²)) to rounding (1e-10 allowed), largest first.
        const double a = 0.5;
        double[] c = [0.3, -1.2, 0.8];
        var expected = c.Select(ci =>
        {
            double h = 0;
            for (int k = 0; k < 200; k++) h = Math.Tanh(a * h + ci);
            return Math.Log(a * (1 - h * h));
        }).OrderByDescending(x => x).ToArray();
        var spectrum = DrivenLyapunov.Spectrum(Scale(Diagonal(1, 1, 1), a), Column(c), new double[3], Constant(1300, 1), 3, transient: 300);
        for (int i = 0; i < 3; i++)
            Assert.Equal(expected[i], spectrum[i], 1e-10);
    }

    [Fact]
    public void A_period_two_drive_gives_the_mean_log_gain_over_the_orbit()
    {
        // Input ±1 in turn: unit i settles on the orbit h1 = tanh(a h2 + c_i), h2 = tanh(a h1 − c_i), and its exponent is
        // ½[log(a(1 − h1²)) + log(a(1 − h2²))] over an even number of averaged steps (exact to rounding, 1e-10).
        const double a = 0.6;
        double[] c = [0.4, 1.5];
        var expected = c.Select(ci =>
        {
            double h1 = 0, h2 = 0;
            for (int k = 0; k < 300; k++) { h1 = Math.Tanh(a * h2 + ci); h2 = Math.Tanh(a * h1 - ci); }
            return 0.5 * (Math.Log(a * (1 - h1 * h1)) + Math.Log(a * (1 - h2 * h2)));
        }).OrderByDescending(x => x).ToArray();
        var inputs = new double[1000, 1];
        for (int t = 0; t < 1000; t++) inputs[t, 0] = t % 2 == 0 ? 1 : -1;
        var spectrum = DrivenLyapunov.Spectrum(Scale(Diagonal(1, 1), a), Column(c), new double[2], inputs, 2, transient: 200);
        for (int i = 0; i < 2; i++)
            Assert.Equal(expected[i], spectrum[i], 1e-10);
    }

    [Fact]
    public void The_full_spectrum_sums_to_the_mean_log_determinant_of_the_jacobians()
    {
        // Σ λ_i = (1/N) Σ_t log |det J_t| = log |det W| + (1/N) Σ_t Σ_i log(1 − h_{t+1,i}²), for any W and drive, by the
        // product of the QR diagonals. W = Q diag(d) has log |det W| = Σ log d_i.
        int n = 5, steps = 400, transient = 100;
        double[] d = [1.4, 1.1, 0.9, 0.6, 0.3];
        var w = Multiply(Orthogonal(n, new Random(8)), Diagonal(d));
        var rng = new Random(9);
        var u = Gaussian(n, 2, rng, 0.5);
        var b = Enumerable.Range(0, n).Select(_ => 0.1 * Normal(rng)).ToArray();
        var inputs = Gaussian(steps, 2, rng);
        var spectrum = DrivenLyapunov.Spectrum(w, u, b, inputs, n, transient);
        double logDetW = d.Sum(Math.Log), gains = 0;
        var h = new double[n];
        for (int t = 0; t < steps; t++)
        {
            var next = new double[n];
            for (int i = 0; i < n; i++)
            {
                double s = b[i];
                for (int j = 0; j < n; j++) s += w[i, j] * h[j];
                for (int j = 0; j < 2; j++) s += u[i, j] * inputs[t, j];
                next[i] = Math.Tanh(s);
                if (t >= transient) gains += Math.Log(1 - next[i] * next[i]);
            }
            h = next;
        }
        double expected = logDetW + gains / (steps - transient);
        Assert.Equal(expected, spectrum.Sum(), 1e-10 * Math.Max(1, Math.Abs(expected)));
        for (int i = 1; i < n; i++) Assert.True(spectrum[i - 1] >= spectrum[i], "largest first");
        // The leading k exponents do not depend on how many more are computed (same frame columns).
        var leading = DrivenLyapunov.Spectrum(w, u, b, inputs, 2, transient);
        Assert.Equal(spectrum[0], leading[0], 1e-10);
        Assert.Equal(spectrum[1], leading[1], 1e-10);
    }

    [Fact]
    public void W_zero_maps_every_direction_to_zero_and_gives_minus_infinity()
    {
        var spectrum = DrivenLyapunov.Spectrum(new double[3, 3], Column(1, 2, 3), new double[3], Constant(20, 1), 2, transient: 0);
        Assert.All(spectrum, l => Assert.Equal(double.NegativeInfinity, l));
    }

    [Fact]
    public void Bad_input_is_refused_with_its_name()
    {
        var w = Diagonal(0.5, 0.5);
        var u = new double[2, 1];
        var b = new double[2];
        var x = Constant(10, 0);
        Assert.Equal("exponents", Assert.ThrowsAny<ArgumentException>(() => DrivenLyapunov.Spectrum(w, u, b, x, 3, 0)).ParamName);
        Assert.Equal("exponents", Assert.ThrowsAny<ArgumentException>(() => DrivenLyapunov.Spectrum(w, u, b, x, 0, 0)).ParamName);
        Assert.Equal("transient", Assert.ThrowsAny<ArgumentException>(() => DrivenLyapunov.Spectrum(w, u, b, x, 1, 10)).ParamName);
        Assert.Equal("u", Assert.ThrowsAny<ArgumentException>(() => DrivenLyapunov.Spectrum(w, new double[3, 1], b, x, 1, 0)).ParamName);
        Assert.Equal("b", Assert.ThrowsAny<ArgumentException>(() => DrivenLyapunov.Spectrum(w, u, new double[1], x, 1, 0)).ParamName);
        Assert.Equal("inputs", Assert.ThrowsAny<ArgumentException>(() => DrivenLyapunov.Spectrum(w, u, b, Constant(10, 0, 0), 1, 0)).ParamName);
        Assert.Equal("w", Assert.ThrowsAny<ArgumentException>(() => DrivenLyapunov.Spectrum(Diagonal(double.NaN, 1), u, b, x, 1, 0)).ParamName);
    }
}
