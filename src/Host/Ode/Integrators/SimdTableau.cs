using System.Numerics;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// A tableau prepared for lane vectors: every coefficient pre-multiplied by dt and converted to T once per run, with
/// the zero entries dropped so a stage only reads the slopes it uses (RK4's stage 3 reads K₂ alone).
/// </summary>
internal sealed class SimdTableau<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public SimdTableau(ButcherTableau tableau, double dt)
    {
        Stages = tableau.StagesUsed;
        StageTerms = new Term[Stages][];
        for (int s = 0; s < Stages; s++)
            StageTerms[s] = Terms(tableau.A[s], dt);
        StepTerms = Terms(tableau.B.Take(Stages), dt);
        StepWeights = [.. tableau.B.Take(Stages).Select(b => new Vector<T>(b == 0 ? T.Zero : Scaled(dt, b)))];
        Quadrature = [.. tableau.B.Take(Stages).Select(b => b == 0 ? 0.0 : ScaledDouble(dt, b))];
    }

    /// <summary>One term h·w·K_j of a stage input or of the step.</summary>
    public readonly record struct Term(int Slope, Vector<T> Weight);

    public int Stages { get; }

    /// <summary>The nonzero h·a_sj of each stage, j ascending.</summary>
    public Term[][] StageTerms { get; }

    /// <summary>The nonzero h·b_s of the step, s ascending.</summary>
    public Term[] StepTerms { get; }

    /// <summary>h·b_s of every stage, zeros kept: the adjoint seeds each stage's cotangent K̄_s = h b_s ā.</summary>
    public Vector<T>[] StepWeights { get; }

    /// <summary>
    /// h·b_s in float64 for quadratures taken along the step (the Lyapunov sum rule's ∫ tr J): the step's own weights,
    /// so the integral is the method's quadrature, by the same rule as <see cref="Scaled"/> (RK4: dt/6, dt/3).
    /// </summary>
    public double[] Quadrature { get; }

    private static Term[] Terms(IEnumerable<double> weights, double dt) =>
        [.. weights.Select((w, j) => (w, j)).Where(p => p.w != 0).Select(p => new Term(p.j, new Vector<T>(Scaled(dt, p.w))))];

    /// <summary>
    /// h·w in T. A weight 1/q with q an integer becomes T(h)/q, one correctly rounded division — exactly what the
    /// unrolled RK4 computes for h/2, h/3, h/6 — so the generic path repeats RK4's arithmetic bit for bit.
    /// </summary>
    internal static T Scaled(double dt, double weight)
    {
        double q = 1.0 / weight;
        if (q == Math.Round(q) && 1.0 / q == weight && Math.Abs(q) <= 1 << 20)
            return T.CreateTruncating(dt) / T.CreateTruncating(q);
        return T.CreateTruncating(dt * weight);
    }

    internal static double ScaledDouble(double dt, double weight)
    {
        double q = 1.0 / weight;
        if (q == Math.Round(q) && 1.0 / q == weight && Math.Abs(q) <= 1 << 20)
            return dt / q;
        return dt * weight;
    }
}
