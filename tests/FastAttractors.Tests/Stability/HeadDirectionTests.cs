using Xunit;

namespace FastAttractors.Tests.Stability;

/// <summary>
/// The oscillator head-direction circuit of Sec. 2.11: it integrates a known angular velocity into Δφ = (τ/2π) ∫V dt
/// mod τ (Eq. 26), holds a heading without drift when noise-free, drifts all headings together under weight noise.
/// </summary>
public class HeadDirectionTests
{
    private static readonly HeadDirectionCircuit Circuit = new();

    [Fact]
    public void Circuit_integrates_a_known_velocity_into_the_analytic_relative_phase()
    {
        // V = 0.3 sin(0.05 t) for 1.5 of its periods (it ends at a zero, so V is continuous), then held: ∫V = 12 rad,
        // with a clockwise and a counter-clockwise stretch (both oscillators take part).
        double end = 3 * Math.PI / 0.05;
        var velocity = new AngularVelocity([0.3], [0.05], [0], end);
        double h0 = 1.0;
        var trace = HeadDirectionSimulation.Run(Circuit, Circuit.Weights(), Circuit.Weights(), velocity, h0, end + 40, recordEvery: 1);
        double analytic = Angles.Wrap(h0 + 0.3 / 0.05 * 2);
        Assert.Equal(analytic, trace.TrueHeading[^1], 12);
        // Error budget (measured 1.2e-3 rad for a velocity that stopped mid-value; here ≈ 5e-4): RK4 at dt = τ/256 on the
        // [V]⁺ kinks, linear interpolation of the pulse crossings and the period measured at another step.
        // 3e-3 rad is 0.05 % of a turn; a wrong sign or gain of the velocity input misses by radians.
        Assert.True(Math.Abs(Angles.Difference(trace.PhaseHeading[^1], analytic)) < 3e-3,
            $"phase memory {trace.PhaseHeading[^1]} vs analytic {analytic}");
        // The delay-line bump, averaged over the last period, reads the same heading (its quantisation into L = 32
        // locations cancels in the population vector of a symmetric bump).
        Assert.True(Math.Abs(Angles.Difference(trace.DecodedHeading[^1], analytic)) < 3e-3,
            $"decoded {trace.DecodedHeading[^1]} vs analytic {analytic}");
        // The bump peaks at the location of the heading.
        int peak = Array.IndexOf(trace.FinalBump, trace.FinalBump.Max());
        Assert.True(Math.Abs(Angles.Difference(2 * Math.PI * peak / Circuit.Locations, analytic)) <= Math.PI / Circuit.Locations + 1e-9);
    }

    [Fact]
    public void Noise_free_circuit_holds_every_heading_and_noisy_oscillators_drift_all_headings_together()
    {
        var finals = new List<double>();
        foreach (double h in new[] { 0.3, 2.0, 4.5 })
        {
            var clean = HeadDirectionSimulation.Run(Circuit, Circuit.Weights(), Circuit.Weights(), AngularVelocity.Zero, h, 400, 50);
            Assert.All(clean.DecodedHeading, d => Assert.True(Math.Abs(Angles.Difference(d, h)) < 2e-3, $"held {h}, decoded {d}"));
            var noisy = HeadDirectionSimulation.Run(Circuit, Circuit.NoisyWeights(0.02, 0, 0, 7), Circuit.NoisyWeights(0.02, 0, 1, 7),
                AngularVelocity.Zero, h, 400, 50);
            // Drift from t = 0: the heading is written into the noisy oscillators with an O(σ) error that depends on h
            // (the start state lies on the noise-free orbit, whose points map to the noisy asymptotic phases slightly
            // non-uniformly: 0.04 rad spread at σ = 0.02), so compare what happens after t = 0.
            finals.Add(Angles.Difference(noisy.DecodedHeading[^1], noisy.DecodedHeading[0]));
        }
        // The two noisy oscillators have different periods, so Δφ drifts (the fine-tuning problem of Sec. 2.10) …
        Assert.True(Math.Abs(finals[0]) > 0.05, $"drift {finals[0]}");
        // … at nearly the same rate for every heading: the relative headings are kept. Not exactly: the delay line's
        // delays j τ/L are set for the noise-free period, and each noisy period is ~1 % off, which maps pulse-time
        // differences to locations with a heading-dependent error of that relative size (measured 1.4 ± 0.013 rad).
        // 5 % of the drift separates this from a ring attractor, whose headings move by different amounts.
        Assert.All(finals, f => Assert.True(Math.Abs(Angles.Difference(f, finals[0])) < 0.05 * Math.Abs(finals[0]), string.Join(", ", finals)));
    }

    [Fact]
    public void Velocity_integral_is_exact()
    {
        var v = new AngularVelocity([0.4, -0.2], [0.3, 1.1], [0.5, 2], end: 7);
        // Simpson's rule on 2,000 intervals is exact to ~1e-13 for these frequencies.
        double Simpson(double t)
        {
            const int k = 2000;
            double h = t / k, s = v.At(0) + v.At(t);
            for (int i = 1; i < k; i++)
                s += (i % 2 == 1 ? 4 : 2) * v.At(i * h);
            return s * h / 3;
        }
        Assert.Equal(Simpson(5), v.Integral(5), 10);
        Assert.Equal(v.Integral(7), v.Integral(9), 14);
        Assert.Equal(0, v.At(8));
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var w = Circuit.Weights();
        Assert.Equal("Locations", Assert.ThrowsAny<ArgumentException>(() =>
            HeadDirectionSimulation.Run(Circuit with { Locations = 2 }, w, w, AngularVelocity.Zero, 0, 10, 1)).ParamName);
        Assert.Equal("duration", Assert.ThrowsAny<ArgumentException>(() =>
            HeadDirectionSimulation.Run(Circuit, w, w, AngularVelocity.Zero, 0, 0, 1)).ParamName);
        Assert.Equal("initialHeading", Assert.ThrowsAny<ArgumentException>(() =>
            HeadDirectionSimulation.Run(Circuit, w, w, AngularVelocity.Zero, double.NaN, 10, 1)).ParamName);
        Assert.Equal("w", Assert.ThrowsAny<ArgumentException>(() =>
            HeadDirectionSimulation.Run(Circuit with { Alpha = 0.5 }, w, w, AngularVelocity.Zero, 0, 10, 1)).ParamName);
        Assert.Equal("w", Assert.ThrowsAny<ArgumentException>(() => new RotationOscillator([1, 2, 3])).ParamName);
        Assert.Equal("frequencies", Assert.ThrowsAny<ArgumentException>(() => new AngularVelocity([1], [1, 2], [0])).ParamName);
        Assert.Equal("sigma", Assert.ThrowsAny<ArgumentException>(() => Circuit.NoisyWeights(-0.1, 0, 0, 1)).ParamName);
    }
}
