namespace FastAttractors;

/// <summary>
/// A bump-attractor ring network: the rate model of Ben-Yishai, Bar-Or &amp; Sompolinsky (PNAS 1995) and Zhang
/// (J. Neurosci. 1996) with a smooth rate function, τ ẋ = −x + W tanh(x) + I₀ (the engine's <see cref="TanhRnn"/>),
/// neurons at θ_i = 2π i / n and cosine connectivity W_ij = (J₁ / n) cos(θ_i − θ_j).
/// <para>
/// Why it is a continuous attractor: W has rank 2, so every fixed point is x = I₀ + B cos(θ − ψ), with B solving
/// B = J₁ ⟨cos φ tanh(I₀ + B cos φ)⟩ over the n grid angles; that average depends on ψ only through harmonics of
/// order n of an analytic function, ≈ e^(−n asinh(π / 2B)) ≈ 10⁻¹⁰ for the defaults, so ψ ∈ [0, 2π) is a ring of
/// fixed points to rounding. At each, J = −I + W diag(sech² x) has n − 2 eigenvalues −1 (outside the cos/sin plane),
/// 0 along the ring (translation) and −1 + J₁ ⟨cos² φ sech²(x)⟩ across it (amplitude): with J₁ = 8, I₀ = −2,
/// B = 4.33 and the amplitude exponent is −0.59 per τ, the bump (rates (1 + tanh x)/2 above ½) covers 35 % of the
/// ring, and the silent state x = I₀ is also stable (as in the threshold-linear ring model).
/// </para>
/// </summary>
public static class RingAttractor
{
    /// <summary>The default number of neurons n.</summary>
    public const int DefaultNeurons = 64;
    /// <summary>The default coupling J₁.</summary>
    public const double DefaultCoupling = 8.0;
    /// <summary>The default uniform input I₀.</summary>
    public const double DefaultInput = -2.0;

    /// <summary>The network with <paramref name="n"/> neurons, coupling J₁ and uniform input I₀ (τ = 1).</summary>
    public static TanhRnn Create(int n = DefaultNeurons, double coupling = DefaultCoupling, double input = DefaultInput)
    {
        if (n < 3)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"a ring needs at least 3 neurons, got {n}.");
        if (!double.IsFinite(coupling) || !double.IsFinite(input))
            throw new ArgumentException($"coupling {coupling} and input {input} must be finite.", nameof(coupling));
        var w = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                w[i * n + j] = coupling / n * Math.Cos(Angle(i - j, n));
        return new TanhRnn(ParameterBlock.Shared("W", w), ParameterBlock.Shared("b", Enumerable.Repeat(input, n).ToArray()));
    }

    /// <summary>
    /// The fixed point with its bump at <paramref name="heading"/>: x_i = I₀ + B cos(θ_i − ψ), B solved on the grid by
    /// fixed-point iteration (a contraction here: the amplitude mode is stable).
    /// </summary>
    public static double[] Bump(double heading, int n = DefaultNeurons, double coupling = DefaultCoupling, double input = DefaultInput)
    {
        if (!double.IsFinite(heading))
            throw new ArgumentOutOfRangeException(nameof(heading), heading, $"heading must be finite, got {heading}.");
        double b = Amplitude(n, coupling, input);
        var x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = input + b * Math.Cos(Angle(i, n) - heading);
        return x;
    }

    /// <summary>B of the bump (0 when only the silent state exists).</summary>
    public static double Amplitude(int n = DefaultNeurons, double coupling = DefaultCoupling, double input = DefaultInput)
    {
        double b = Math.Max(1.0, coupling / 2);
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
                sum += Math.Cos(Angle(j, n)) * Math.Tanh(input + b * Math.Cos(Angle(j, n)));
            double next = coupling * sum / n;
            if (Math.Abs(next - b) < 1e-15 * Math.Max(1, b))
                return next;
            b = next;
        }
        return b;
    }

    /// <summary>
    /// The bump's position: the angle of the population vector Σ_i x_i e^{iθ_i} (exactly ψ on the ring of fixed points;
    /// I₀ cancels because Σ e^{iθ_i} = 0), in [0, 2π). Reads component i of member m at i · members + m.
    /// </summary>
    public static double Decode(ReadOnlySpan<double> states, int n, int member, int members)
    {
        double c = 0, s = 0;
        for (int i = 0; i < n; i++)
        {
            double x = states[i * members + member];
            c += x * Math.Cos(Angle(i, n));
            s += x * Math.Sin(Angle(i, n));
        }
        return Angles.Wrap(Math.Atan2(s, c));
    }

    private static double Angle(int i, int n) => 2 * Math.PI * i / n;
}
