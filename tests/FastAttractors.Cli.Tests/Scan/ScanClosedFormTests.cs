using System.Numerics;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// The closed forms of the rotation-block scan (flow: λ1 = λ2 = −1 + α cos θ when α cos θ &lt; 1; map: λ1 = λ2 = log α when α &lt; 1) on scan points, through the whole scan path (spec → rows → Parquet): below the
/// boundary the origin is a stable focus, and the Lyapunov exponents are those of the linearisation there.
/// </summary>
public class ScanClosedFormTests
{
    /// <summary>
    /// Flow (Eq. 20), α cos θ &lt; 1: λ1 = λ2 = −1 + α cos θ. J(0) = −I + α R(θ) commutes with R, so the RK4 map of
    /// the tangent is a scaled rotation and log |R_ii| per step is exactly log |1 + z + z²/2 + z³/6 + z⁴/24|,
    /// z = dt (−1 + α e^{iθ}); divided by dt that differs from Re(eig) by ≈ (dt|eig|)⁵/(120 dt) ≤ 2e-5 here. What
    /// remains is the nonlinear part while x is still decaying: |x| ≤ e^{−0.5·30} ≈ 3e-7 after the transient, so
    /// tanh's cubic term changes J by ≈ α²|x|² ≈ 1e-13. So the scan must match the RK4 rate to 1e-6 (margin for the
    /// float64 sums) and the closed form to 1e-4, far below the spacing of the points' exponents (≥ 0.1): a wrong
    /// point-to-parameter mapping fails.
    /// </summary>
    [Fact]
    public void Flow_exponents_are_minus_one_plus_alpha_cos_theta_below_the_boundary()
    {
        using var dir = new TempDirectory();
        var result = ScanRun.Scan(dir.File("out"), "--family", "rotation-flow", "--axis", "alpha=list:0.5,1.2,1.8", "--axis", "theta=list:1.3,2.0,3.0",
            "--members", "2", "--transient", "30", "--duration", "40", "--chunk", "7");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = ScanRun.ReadAll(dir.File("out"));
        var (alpha, theta) = ((double[])table["alpha"], (double[])table["theta"]);
        var (l1, l2) = ((double[])table["lambda_1"], (double[])table["lambda_2"]);
        Assert.Equal(18, table.Rows);
        for (int r = 0; r < table.Rows; r++)
        {
            double expected = -1 + alpha[r] * Math.Cos(theta[r]);
            Assert.True(expected < -0.3, "every point lies well below the boundary");
            Assert.Equal(Rk4Rate(alpha[r], theta[r], 0.05), l1[r], 1e-6);
            Assert.Equal(Rk4Rate(alpha[r], theta[r], 0.05), l2[r], 1e-6);
            Assert.Equal(expected, l1[r], 1e-4);
            Assert.Equal(expected, l2[r], 1e-4);
        }
    }

    /// <summary>
    /// Map (Eq. 21), α &lt; 1: λ1 = λ2 = log α. J(0) = α R(θ) is exactly α times a rotation, so once x has decayed
    /// (|x| ≈ α^200 &lt; 1e-9 after the transient, nonlinear change of J ≈ |x|² &lt; 1e-18) every step adds log α to
    /// each log |R_ii|; 1e-9 leaves room for the rounding of 2,000 float64 sums.
    /// </summary>
    [Fact]
    public void Map_exponents_are_log_alpha_below_one()
    {
        using var dir = new TempDirectory();
        var result = ScanRun.Scan(dir.File("out"), "--family", "rotation-map", "--axis", "alpha=list:0.2,0.5,0.85", "--axis", "theta=linspace:0.3:2.9:3",
            "--transient", "200", "--duration", "2000");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = ScanRun.ReadAll(dir.File("out"));
        var alpha = (double[])table["alpha"];
        Assert.Equal(9, table.Rows);
        for (int r = 0; r < table.Rows; r++)
        {
            Assert.Equal(Math.Log(alpha[r]), ((double[])table["lambda_1"])[r], 1e-9);
            Assert.Equal(Math.Log(alpha[r]), ((double[])table["lambda_2"])[r], 1e-9);
            Assert.Equal("ok", ((string[])table["status"])[r]);
            Assert.Equal(0.0, ((double[])table["kaplan_yorke"])[r]);
        }
    }

    /// <summary>
    /// tanh-gain at g = 0: W = 0, so ẋ = −x and every exponent is the RK4 rate of −1 (−1 + O(dt⁴) ≈ −1 − 5e-7 at
    /// dt 0.05; 1e-6 covers it), the contraction is tr J = −n and the Kaplan–Yorke dimension 0. At g = 0.3 each
    /// member draws its own W from its row seed, so the members of a point differ (and rows of the same member index
    /// at different points differ too).
    /// </summary>
    [Fact]
    public void Tanh_gain_at_zero_gain_decays_at_rate_one_and_members_draw_their_own_weights()
    {
        using var dir = new TempDirectory();
        var result = ScanRun.Scan(dir.File("out"), "--family", "tanh-gain", "--n", "4", "--axis", "g=list:0,0.3", "--members", "3",
            "--transient", "5", "--duration", "20", "--every", "4");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = ScanRun.ReadAll(dir.File("out"));
        Assert.Equal(6, table.Rows);
        var (g, seeds) = ((double[])table["g"], (long[])table["seed"]);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(0.0, g[r]);
            for (int i = 1; i <= 4; i++)
                Assert.Equal(-1.0, ((double[])table[$"lambda_{i}"])[r], 1e-6);
            Assert.Equal(-4.0, ((double[])table["contraction"])[r], 1e-12);
            Assert.Equal(0.0, ((double[])table["kaplan_yorke"])[r]);
        }
        Assert.Equal(6, seeds.Distinct().Count());
        var lambda1 = ((double[])table["lambda_1"])[3..];
        Assert.Equal(3, lambda1.Distinct().Count()); // three random networks at g = 0.3, three different λ1
        Assert.All(lambda1, l => Assert.InRange(l, -1.6, -0.4)); // |eig W| ≲ 2g (entries N(0, g²/n)): the origin stays stable, λ1 = −1 + max Re eig W
    }

    private static double Rk4Rate(double alpha, double theta, double dt)
    {
        var z = dt * (-1 + alpha * Complex.FromPolarCoordinates(1, theta));
        return Math.Log((1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24).Magnitude) / dt;
    }
}
