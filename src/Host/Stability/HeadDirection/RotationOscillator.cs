namespace FastAttractors;

/// <summary>
/// One oscillator of the head-direction circuit: a 2-neuron rotation block of Eq. 19 in continuous time (Eq. 20),
/// ẋ = s(t) (−x + tanh(W x)), W = α R(θ) (+ weight noise). Without input (s = 1) it has a stable limit cycle; a
/// speed factor s(t) = 1 + V(t)/ω₀ moves the state along the same orbits at warped time, so its asymptotic phase
/// advances by exactly ∫ V dt / ω₀ extra time units (a constant phase-response curve, Sec. 2.11, Eq. 22).
/// The "pulse" (the spike of Fig. 6B) is p = exp(κ (cos ϑ − 1)) of the state's angle ϑ, emitted once per cycle
/// when ϑ crosses 0 upward.
/// </summary>
public sealed class RotationOscillator
{
    private readonly double w00, w01, w10, w11;

    /// <param name="w">the 2 × 2 weights, row-major.</param>
    public RotationOscillator(IReadOnlyList<double> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Count != 4)
            throw new ArgumentException($"w: a rotation oscillator has 2 × 2 = 4 weights, got {w.Count}.", nameof(w));
        foreach (double v in w)
        {
            if (!double.IsFinite(v))
                throw new ArgumentException($"w: weight {v} is not finite.", nameof(w));
        }
        (w00, w01, w10, w11) = (w[0], w[1], w[2], w[3]);
    }

    /// <summary>α R(θ) (Eq. 19 with one block).</summary>
    public static double[] Weights(double alpha, double theta) => FastAttractors.Weights.BlockRotation([alpha], [theta], 2);

    /// <summary>One classic RK4 step of length dt with speed factors s(t), s(t + dt/2), s(t + dt).</summary>
    public void Step(ref double x0, ref double x1, double dt, double s0, double sHalf, double s1)
    {
        Field(x0, x1, out double a0, out double a1);
        a0 *= s0; a1 *= s0;
        Field(x0 + dt / 2 * a0, x1 + dt / 2 * a1, out double b0, out double b1);
        b0 *= sHalf; b1 *= sHalf;
        Field(x0 + dt / 2 * b0, x1 + dt / 2 * b1, out double c0, out double c1);
        c0 *= sHalf; c1 *= sHalf;
        Field(x0 + dt * c0, x1 + dt * c1, out double d0, out double d1);
        d0 *= s1; d1 *= s1;
        x0 += dt / 6 * (a0 + 2 * b0 + 2 * c0 + d0);
        x1 += dt / 6 * (a1 + 2 * b1 + 2 * c1 + d1);
    }

    /// <summary>p = exp(κ (cos ϑ − 1)), ϑ the angle of (x0, x1): 1 at ϑ = 0, ≈ e^{−2κ} opposite.</summary>
    public static double Pulse(double x0, double x1, double sharpness)
    {
        double r = Math.Sqrt(x0 * x0 + x1 * x1);
        return r == 0 ? Math.Exp(-sharpness) : Math.Exp(sharpness * (x0 / r - 1));
    }

    /// <summary>
    /// The period of the free oscillation and the state where the pulse peaks (ϑ = 0 crossed upward), from RK4 with
    /// <paramref name="dt"/> after a transient: the mean spacing of 20 crossings (linearly interpolated).
    /// Throws when the block has no oscillation (it settled on a fixed point).
    /// </summary>
    public (double Period, double X0, double X1) Cycle(double dt = 0.005, double transient = 200)
    {
        double x0 = 0.3, x1 = 0;
        long transientSteps = (long)Math.Ceiling(transient / dt);
        for (long k = 0; k < transientSteps; k++)
            Step(ref x0, ref x1, dt, 1, 1, 1);
        var crossings = new List<(double T, double X0, double X1)>();
        for (long k = 0; crossings.Count < 21 && k < 20 * transientSteps; k++)
        {
            double p0 = x0, p1 = x1;
            Step(ref x0, ref x1, dt, 1, 1, 1);
            if (p1 < 0 && x1 >= 0 && x0 > 0)
            {
                double f = -p1 / (x1 - p1);
                crossings.Add((k + f, p0 + f * (x0 - p0), 0));
            }
        }
        if (crossings.Count < 21 || Math.Sqrt(x0 * x0 + x1 * x1) < 1e-6)
            throw new ArgumentException("w: this rotation block does not oscillate (it settles on a fixed point); use α cos θ > 1 with enough rotation θ.", "w");
        double period = (crossings[^1].T - crossings[0].T) / 20 * dt;
        return (period, crossings[^1].X0, crossings[^1].X1);
    }

    /// <summary>The state a time <paramref name="time"/> after (x0, x1), free running (s = 1), in steps of at most dt.</summary>
    public (double X0, double X1) Advance(double x0, double x1, double time, double dt = 0.005)
    {
        long steps = (long)Math.Ceiling(time / dt);
        double h = steps == 0 ? 0 : time / steps;
        for (long k = 0; k < steps; k++)
            Step(ref x0, ref x1, h, 1, 1, 1);
        return (x0, x1);
    }

    private void Field(double x0, double x1, out double f0, out double f1)
    {
        f0 = -x0 + Math.Tanh(w00 * x0 + w01 * x1);
        f1 = -x1 + Math.Tanh(w10 * x0 + w11 * x1);
    }
}
