namespace FastAttractors;

/// <summary>
/// A loss term's value and gradient at one state of one member: ℓ(x) and ∂ℓ/∂x. Evaluated on the host at the few
/// steps where the loss looks at the trajectory, so any backend can use any loss, including users' own.
/// </summary>
public interface ILossFunction
{
    /// <summary>Returns ℓ(x) for member <paramref name="member"/> and writes ∂ℓ/∂x into <paramref name="gradient"/> (length n).</summary>
    double Evaluate(int member, ReadOnlySpan<double> x, Span<double> gradient);
}

/// <summary>ℓ(x) = ½ Σ_i (x_i − y_i)², the target y given once (n values) or per member (n × members, member fastest).</summary>
public sealed class SquaredError : ILossFunction
{
    private readonly double[] target;
    private readonly int n;

    /// <summary>½ |x − y|² against <paramref name="target"/>.</summary>
    /// <param name="target">
    /// n finite values (one target for all members) or n × members (component i of member m at i·members + m).
    /// </param>
    /// <param name="dimension">The state dimension n (≥ 1).</param>
    public SquaredError(double[] target, int dimension)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must be at least 1, got {dimension}.");
        if (target.Length == 0 || target.Length % dimension != 0)
            throw new ArgumentException(
                $"target: expected n = {dimension} values (one target for all members) or n × members, got {target.Length}.", nameof(target));
        for (int i = 0; i < target.Length; i++)
        {
            if (!double.IsFinite(target[i]))
                throw new ArgumentException($"target: value {target[i]} at index {i} is not finite.", nameof(target));
        }
        this.target = target;
        n = dimension;
    }

    /// <summary>The state dimension n.</summary>
    public int Dimension => n;

    /// <summary>Members the target describes (null when it is one target for all).</summary>
    public int? Members => target.Length == n ? null : target.Length / n;

    /// <inheritdoc/>
    public double Evaluate(int member, ReadOnlySpan<double> x, Span<double> gradient)
    {
        int members = target.Length / n;
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double y = members == 1 ? target[i] : target[(long)i * members + member];
            double d = x[i] - y;
            loss += 0.5 * d * d;
            gradient[i] = d;
        }
        return loss;
    }
}

/// <summary>One loss term: <see cref="Function"/> applied to the state after <see cref="Step"/> steps (null: the final step).</summary>
public sealed record LossTerm(long? Step, ILossFunction Function);

/// <summary>
/// A loss L = Σ_terms ℓ(x(t_term)): a terminal loss L(x(T)), running losses at chosen steps, or both.
/// <code>
/// var loss = Loss.Terminal(target, n);                              // ½ |x(T) − y|²
/// var loss = Loss.Running([100, 200, 300], targets, n);             // Σ ½ |x(t_i) − y_i|²
/// var loss = new Loss([new LossTerm(null, myLoss)]);                // a user ILossFunction at T
/// </code>
/// </summary>
public sealed class Loss
{
    /// <summary>A loss of the given terms (at least one; steps non-negative).</summary>
    public Loss(IReadOnlyList<LossTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
            throw new ArgumentException("terms: a loss needs at least one term.", nameof(terms));
        foreach (var term in terms)
        {
            ArgumentNullException.ThrowIfNull(term, nameof(terms));
            ArgumentNullException.ThrowIfNull(term.Function, nameof(terms));
            if (term.Step is < 0)
                throw new ArgumentOutOfRangeException(nameof(terms), term.Step, $"a loss term's step must be non-negative, got {term.Step}.");
        }
        Terms = terms;
    }

    /// <summary>The terms, summed.</summary>
    public IReadOnlyList<LossTerm> Terms { get; }

    /// <summary>½ |x(T) − target|², target n values or n × members.</summary>
    public static Loss Terminal(double[] target, int dimension) => new([new LossTerm(null, new SquaredError(target, dimension))]);

    /// <summary>Σ_i ½ |x(steps[i]) − targets[i]|².</summary>
    public static Loss Running(long[] steps, double[][] targets, int dimension)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(targets);
        if (steps.Length != targets.Length)
            throw new ArgumentException($"targets: {targets.Length} targets for {steps.Length} steps.", nameof(targets));
        return new Loss(steps.Select((s, i) => new LossTerm(s, new SquaredError(targets[i], dimension))).ToArray());
    }
}
