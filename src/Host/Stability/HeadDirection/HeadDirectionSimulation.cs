namespace FastAttractors;

/// <summary>
/// Simulates the <see cref="HeadDirectionCircuit"/> (scalar float64, RK4). The period τ and the pulse-point state come
/// from the noise-free oscillator; the '+' oscillator starts there (phase 0) and the '−' one (τ/2π) h₀ behind, both
/// two periods before t = 0 so that the delay line and the one-period average are full when recording starts.
/// Velocity gains use the noise-free ω₀ = 2π/τ: with weight noise each oscillator has its own period, which is the
/// effect being measured.
/// </summary>
public static class HeadDirectionSimulation
{
    /// <param name="plusWeights">the '+' oscillator's 2 × 2 weights (noise-free or perturbed).</param>
    /// <param name="minusWeights">the '−' oscillator's weights.</param>
    /// <param name="recordEvery">time between recorded frames (rounded to whole steps; at least one step).</param>
    public static HeadDirectionTrace Run(HeadDirectionCircuit circuit, IReadOnlyList<double> plusWeights, IReadOnlyList<double> minusWeights,
        AngularVelocity velocity, double initialHeading, double duration, double recordEvery)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(velocity);
        circuit.Validate();
        if (!double.IsFinite(initialHeading))
            throw new ArgumentOutOfRangeException(nameof(initialHeading), initialHeading, $"initialHeading must be finite, got {initialHeading}.");
        if (!double.IsFinite(duration) || duration <= 0)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"duration must be finite and positive, got {duration}.");
        if (!double.IsFinite(recordEvery) || recordEvery <= 0)
            throw new ArgumentOutOfRangeException(nameof(recordEvery), recordEvery, $"recordEvery must be finite and positive, got {recordEvery}.");
        var plus = new RotationOscillator(plusWeights);
        var minus = new RotationOscillator(minusWeights);
        var reference = new RotationOscillator(circuit.Weights());
        var (period, px0, px1) = reference.Cycle();
        double omega = 2 * Math.PI / period;

        int L = circuit.Locations, S = circuit.StepsPerLocation, window = L * S;
        double dt = period / window;
        long warmup = 2L * window;
        // Frames on the grid f · recordEvery (each at the nearest step), so their count does not depend on dt.
        double frameCount = Math.Floor(duration / recordEvery * (1 + 1e-12)) + 1;
        if (frameCount > 50_000_000)
            throw new ArgumentOutOfRangeException(nameof(recordEvery), recordEvery, $"recordEvery = {recordEvery} records too many frames over {duration}.");
        int frames = (int)frameCount;
        long steps = Math.Max(StepCounts.Round(duration, dt, nameof(duration)), StepCounts.Round((frames - 1) * recordEvery, dt, nameof(recordEvery)));

        // '+' at its pulse point; '−' lagging by (τ/2π) h₀, i.e. advanced by τ − that.
        double p0 = px0, p1 = px1;
        double lag = Angles.Wrap(initialHeading) / omega;
        var (m0, m1) = reference.Advance(px0, px1, lag == 0 ? 0 : period - lag);

        var plusHistory = new double[window];        // p⁺ of the last `window` steps (ring buffer)
        var coincidence = new double[L * window];    // c_j of the last `window` steps, per location (ring buffers)
        var sums = new double[L];                    // running one-period sums of c_j (Eq. 28)
        double lastPlus = double.NaN, lastMinus = double.NaN;
        var times = new double[frames];
        var truth = new double[frames];
        var phase = new double[frames];
        var decoded = new double[frames];
        int frame = 0;

        for (long k = -warmup; k <= steps; k++)
        {
            double t = k * dt;
            if (k > -warmup)
            {
                // Advance from t − dt to t with the speeds at the RK4 stage times.
                double t0 = t - dt;
                double v0 = k - 1 >= 0 ? velocity.At(t0) : 0, vh = t0 + dt / 2 >= 0 ? velocity.At(t0 + dt / 2) : 0, v1 = k >= 0 ? velocity.At(t) : 0;
                double q0 = p0, q1 = p1, n0 = m0, n1 = m1;
                plus.Step(ref p0, ref p1, dt, 1 + Math.Max(v0, 0) / omega, 1 + Math.Max(vh, 0) / omega, 1 + Math.Max(v1, 0) / omega);
                minus.Step(ref m0, ref m1, dt, 1 + Math.Max(-v0, 0) / omega, 1 + Math.Max(-vh, 0) / omega, 1 + Math.Max(-v1, 0) / omega);
                lastPlus = Crossing(q0, q1, p0, p1, t0, dt) ?? lastPlus;
                lastMinus = Crossing(n0, n1, m0, m1, t0, dt) ?? lastMinus;
            }
            int slot = (int)(((k % window) + window) % window);
            double pulsePlus = RotationOscillator.Pulse(p0, p1, circuit.PulseSharpness);
            double pulseMinus = RotationOscillator.Pulse(m0, m1, circuit.PulseSharpness);
            plusHistory[slot] = pulsePlus;
            for (int j = 0; j < L; j++)
            {
                // '+' delayed by j·S steps (the slot written j·S steps ago; zero before the oscillators started).
                long delayed = k - (long)j * S;
                double c = delayed < -warmup ? 0 : plusHistory[(int)(((delayed % window) + window) % window)] * pulseMinus;
                int index = j * window + slot;
                sums[j] += c - coincidence[index];
                coincidence[index] = c;
            }
            while (frame < frames && k == (long)Math.Round(frame * recordEvery / dt)) // several frames per step when recordEvery < dt
            {
                times[frame] = t;
                truth[frame] = Angles.Wrap(initialHeading + velocity.Integral(t));
                phase[frame] = double.IsNaN(lastPlus) || double.IsNaN(lastMinus) ? double.NaN
                    : Angles.Wrap(omega * (lastMinus - lastPlus));
                decoded[frame] = PopulationVector(sums);
                frame++;
            }
        }
        var bump = sums.Select(s => s / window).ToArray();
        return new HeadDirectionTrace(period, times, truth, phase, decoded, bump);
    }

    /// <summary>The angle of Σ_j r_j e^{2πij/L} in [0, 2π).</summary>
    public static double PopulationVector(ReadOnlySpan<double> activity)
    {
        double c = 0, s = 0;
        for (int j = 0; j < activity.Length; j++)
        {
            double a = 2 * Math.PI * j / activity.Length;
            c += activity[j] * Math.Cos(a);
            s += activity[j] * Math.Sin(a);
        }
        return Angles.Wrap(Math.Atan2(s, c));
    }

    /// <summary>The time the angle crossed 0 upward between two states (linear interpolation), or null.</summary>
    private static double? Crossing(double a0, double a1, double b0, double b1, double t0, double dt) =>
        a1 < 0 && b1 >= 0 && b0 > 0 ? t0 + dt * (-a1 / (b1 - a1)) : null;
}
