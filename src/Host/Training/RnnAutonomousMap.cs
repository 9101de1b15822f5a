namespace FastAttractors.Training;

/// <summary>
/// The autonomous part of a trained RNN, h ← tanh(W h + b), as a problem for Engine.Lyapunov. The built-in map
/// <see cref="TanhOfLinear"/> has no bias, so the bias rides on one extra unit c: W̃ = [[W, b/c*], [0, γ]] with γ = 8,
/// c₀ = c* the fixed point of c ← tanh(γ c) (c* = 0.99999977). Then c stays at c*, the h block is exactly
/// h ← tanh(W h + b), and since W̃ is block upper triangular the spectrum is the RNN's plus the exponent
/// log(γ (1 − c*²)) ≈ −12.5 of c, below the leading exponents of any network that is not almost fully saturated (the
/// CLI removes it). γ is not larger because tanh(γ) would round to 1, making that exponent −∞ on the Reference path.
/// </summary>
public static class RnnAutonomousMap
{
    /// <summary>γ: self-coupling of the extra bias unit.</summary>
    public const double BiasGain = 8;

    /// <summary>c* = tanh(γ c*), by fixed-point iteration (a contraction with factor γ sech²(γ) ≈ 4·10⁻⁶).</summary>
    public static double BiasLevel { get; } = FixedPoint();

    /// <summary>The bias unit's exponent log(γ (1 − c*²)) per iteration.</summary>
    public static double BiasExponent => Math.Log(BiasGain * (1 - BiasLevel * BiasLevel));

    private static double FixedPoint()
    {
        double c = 1;
        for (int i = 0; i < 20; i++)
            c = Math.Tanh(BiasGain * c);
        return c;
    }

    /// <summary>An ensemble of <paramref name="members"/> starts h₀ ~ N(0, 0.1²) (counter-based, purpose RnnSpectrumStart), c₀ = c*.</summary>
    public static EnsembleProblem Problem(RnnParameters parameters, int members, long seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (members < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, $"members must be at least 1, got {members}.");
        int n = parameters.Shape.Hidden, dim = n + 1;
        var w = new double[dim * dim];
        ReadOnlySpan<double> wh = parameters.W, b = parameters.B;
        for (int i = 0; i < n; i++)
        {
            wh.Slice(i * n, n).CopyTo(w.AsSpan(i * dim, n));
            w[i * dim + n] = b[i] / BiasLevel;
        }
        w[n * dim + n] = BiasGain;
        var model = new TanhOfLinear(ParameterBlock.Shared("W", w), DynamicsKind.Map);
        // Initial states member fastest (n × members), as the ensemble layout wants.
        var x0 = new double[dim * members];
        for (int m = 0; m < members; m++)
        {
            ulong stream = CounterRandom.Stream(m, CounterRandom.Purpose.RnnSpectrumStart);
            for (int i = 0; i < n; i++)
                x0[i * members + m] = 0.1 * CounterRandom.Normal((ulong)seed, stream, (ulong)i);
            x0[n * members + m] = BiasLevel;
        }
        return new EnsembleProblem(model, x0, members);
    }
}
