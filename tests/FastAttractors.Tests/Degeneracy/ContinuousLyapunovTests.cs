using FastAttractors.Degeneracy;
using Xunit;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>
/// The Euler-map spectrum of the continuous network, h ← h + α (−h + W tanh(h) + U x_t + b), against closed forms: at
/// the origin (zero drive and bias, so h stays 0) the Jacobian is the constant (1 − α) I + α W, whose exponents for a
/// diagonal W are log |1 − α + α w_ii|; a start away from a stable origin decays onto it; bad α is refused by name.
/// </summary>
public class ContinuousLyapunovTests
{
    [Fact]
    public void At_the_origin_a_diagonal_W_gives_log_of_one_minus_alpha_plus_alpha_w()
    {
        const double alpha = 0.2;
        double[] diagonal = [1.5, 0.9, -0.5, 0.3];
        var w = new double[4, 4];
        for (int i = 0; i < 4; i++)
            w[i, i] = diagonal[i];
        // The diagonal entries 1.1, 0.98, 0.86, 0.7 of J differ by ratios ≤ 0.89 per step: after 300 transient steps the
        // QR frame has aligned with the coordinate axes to 0.89³⁰⁰ ≈ 1e-15, so every log |R_ii| is exact to rounding.
        var spectrum = DrivenLyapunov.ContinuousSpectrum(w, new double[4, 1], new double[4], new double[600, 1], 4, transient: 300, alpha);
        var expected = diagonal.Select(d => Math.Log(Math.Abs(1 - alpha + alpha * d))).OrderByDescending(x => x).ToArray();
        for (int i = 0; i < 4; i++)
            Assert.Equal(expected[i], spectrum[i], 1e-10);
    }

    [Fact]
    public void A_start_off_a_stable_origin_decays_onto_it_and_gets_the_origin_spectrum()
    {
        // W = 0.5 I: the origin is the only fixed point and attracts; after the transient h ≈ 0 to rounding, so the
        // exponents are log(1 − α + α·0.5) to the accuracy of the transient's remnant (1e-9).
        const double alpha = 0.5;
        var w = new double[3, 3];
        for (int i = 0; i < 3; i++)
            w[i, i] = 0.5;
        var spectrum = DrivenLyapunov.ContinuousSpectrum(w, new double[3, 1], new double[3], new double[3000, 1], 2, transient: 200, alpha, start: [0.8, -0.3, 0.1]);
        Assert.All(spectrum, l => Assert.Equal(Math.Log(0.75), l, 1e-9));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Bad_alpha_and_a_start_of_the_wrong_length_are_refused_by_name(double alpha)
    {
        var w = new double[2, 2];
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() =>
            DrivenLyapunov.ContinuousSpectrum(w, new double[2, 1], new double[2], new double[10, 1], 1, 0, alpha)).ParamName);
        Assert.Equal("start", Assert.ThrowsAny<ArgumentException>(() =>
            DrivenLyapunov.ContinuousSpectrum(w, new double[2, 1], new double[2], new double[10, 1], 1, 0, 0.5, start: [1.0])).ParamName);
    }
}
