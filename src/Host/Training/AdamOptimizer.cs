namespace FastAttractors.Training;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with bias correction, after clipping the gradient to a global Euclidean norm of at most
/// <see cref="ClipNorm"/> (Pascanu et al. 2013): g ← g · min(1, c/|g|); m ← β1 m + (1 − β1) g; v ← β2 v + (1 − β2) g²;
/// θ ← θ − η m̂ / (√v̂ + ε). Float64 state, so the update is the same on every path.
/// </summary>
public sealed class AdamOptimizer
{
    private readonly double[] m, v;
    private long step;

    /// <summary>An optimiser for <paramref name="count"/> parameters with zero moments and no steps taken.</summary>
    /// <param name="count">Length of the parameter and gradient vectors.</param>
    /// <param name="learningRate">η; positive and finite.</param>
    /// <param name="clipNorm">Largest gradient norm c after clipping; positive (∞ disables clipping).</param>
    /// <param name="beta1">β1, decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">β2, decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">ε added to √v̂ in the denominator.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public AdamOptimizer(int count, double learningRate, double clipNorm, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"learningRate must be positive and finite, got {learningRate}.");
        if (!(clipNorm > 0))
            throw new ArgumentOutOfRangeException(nameof(clipNorm), clipNorm, $"clipNorm must be positive (∞ for no clipping), got {clipNorm}.");
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1))
            throw new ArgumentOutOfRangeException(nameof(beta1), (beta1, beta2), "β1 and β2 must be in [0, 1).");
        m = new double[count];
        v = new double[count];
        LearningRate = learningRate;
        ClipNorm = clipNorm;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>η: step size.</summary>
    public double LearningRate { get; }
    /// <summary>c: largest global gradient norm after clipping (∞ = no clipping).</summary>
    public double ClipNorm { get; }
    /// <summary>β1: decay rate of the first-moment estimate.</summary>
    public double Beta1 { get; }
    /// <summary>β2: decay rate of the second-moment estimate.</summary>
    public double Beta2 { get; }
    /// <summary>ε: added to √v̂ to keep the denominator away from zero.</summary>
    public double Epsilon { get; }

    /// <summary>Updates taken so far (t of the bias correction).</summary>
    public long Steps => step;

    /// <summary>Copies of the first and second moment estimates (for checkpoints).</summary>
    public (double[] FirstMoment, double[] SecondMoment) Moments() => ((double[])m.Clone(), (double[])v.Clone());

    /// <summary>Restores a state saved with <see cref="Moments"/> and <see cref="Steps"/>, so training resumes exactly.</summary>
    public void Restore(ReadOnlySpan<double> firstMoment, ReadOnlySpan<double> secondMoment, long steps)
    {
        if (firstMoment.Length != m.Length || secondMoment.Length != v.Length)
            throw new ArgumentException($"firstMoment, secondMoment: need {m.Length} values each, got {firstMoment.Length} and {secondMoment.Length}.", nameof(firstMoment));
        if (steps < 0)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be non-negative, got {steps}.");
        firstMoment.CopyTo(m);
        secondMoment.CopyTo(v);
        step = steps;
    }

    /// <summary>Applies one update in place and returns the gradient's norm before clipping.</summary>
    public double Step(double[] parameters, double[] gradient)
    {
        double norm = Math.Sqrt(gradient.Sum(g => g * g));
        double scale = norm > ClipNorm ? ClipNorm / norm : 1;
        step++;
        double c1 = 1 - Math.Pow(Beta1, step), c2 = 1 - Math.Pow(Beta2, step);
        for (int p = 0; p < parameters.Length; p++)
        {
            double g = gradient[p] * scale;
            m[p] = Beta1 * m[p] + (1 - Beta1) * g;
            v[p] = Beta2 * v[p] + (1 - Beta2) * g * g;
            parameters[p] -= LearningRate * (m[p] / c1) / (Math.Sqrt(v[p] / c2) + Epsilon);
        }
        return norm;
    }
}
