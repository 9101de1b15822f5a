using System.Collections.Immutable;

namespace FastAttractors;

/// <summary>
/// An explicit Runge–Kutta method as data plus its order (STYLE 3): stages X_s = x + h Σ_{j&lt;s} a_sj K_j,
/// K_s = f(X_s), step x' = x + h Σ_s b_s K_s. The constructor checks the invariants (strictly lower-triangular a,
/// rows of a sum to c, Σ b = 1) and copies the coefficients, so a registered method cannot be changed afterwards.
/// The built-in methods live in <see cref="Methods"/>, one file each.
/// </summary>
public sealed record ButcherTableau
{
    /// <summary>A validated explicit tableau (coefficients copied).</summary>
    /// <param name="name">The registry key.</param>
    /// <param name="order">The classical order p (≥ 1).</param>
    /// <param name="a">Rows of a: row s holds the s entries a_s0..a_s,s−1 (strictly lower triangular).</param>
    /// <param name="b">The weights b_s (Σ b = 1).</param>
    /// <param name="c">The nodes c_s (each the sum of row s of a).</param>
    /// <remarks>
    /// Throws ArgumentException when a coefficient is not finite or an invariant fails (within 1e-14 relative).
    /// </remarks>
    public ButcherTableau(string name, int order, double[][] a, double[] b, double[] c)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        int s = b.Length;
        if (s < 1)
            throw new ArgumentException($"tableau '{name}': needs at least one stage.", nameof(b));
        if (order < 1)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"tableau '{name}': order must be at least 1.");
        if (a.Length != s || c.Length != s)
            throw new ArgumentException($"tableau '{name}': a has {a.Length} rows, b {s} and c {c.Length} entries.", nameof(a));
        for (int i = 0; i < s; i++)
        {
            if (a[i] is null || a[i].Length != i)
                throw new ArgumentException($"tableau '{name}': row {i} of a must have {i} entries (explicit method), got {a[i]?.Length}.", nameof(a));
            if (!a[i].All(double.IsFinite) || !double.IsFinite(b[i]) || !double.IsFinite(c[i]))
                throw new ArgumentException($"tableau '{name}': coefficients of stage {i} must be finite.", nameof(a));
            // Tsit5's rows reach |a| ≈ 13, so their sums carry a few ulps of 13; 1e-14 relative to that is still strict.
            double scale = Math.Max(1.0, a[i].Sum(Math.Abs));
            if (Math.Abs(a[i].Sum() - c[i]) > 1e-14 * scale)
                throw new ArgumentException($"tableau '{name}': row {i} of a sums to {a[i].Sum()}, c[{i}] = {c[i]}.", nameof(c));
        }
        if (Math.Abs(b.Sum() - 1.0) > 1e-14 * Math.Max(1.0, b.Sum(Math.Abs)))
            throw new ArgumentException($"tableau '{name}': Σ b = {b.Sum()}, must be 1.", nameof(b));
        Name = name;
        Order = order;
        A = [.. a.Select(row => row.ToImmutableArray())];
        B = [.. b];
        C = [.. c];
        StagesUsed = LastContributingStage() + 1;
    }

    /// <summary>The registry key (<c>rk4</c>, <c>euler</c>, …) used by the CLI and in error messages.</summary>
    public string Name { get; }

    /// <summary>The classical order p: the local error is O(h^(p+1)), the global error O(h^p).</summary>
    public int Order { get; }

    /// <summary>The coefficients a_sj; row s has s entries (j &lt; s).</summary>
    public ImmutableArray<ImmutableArray<double>> A { get; }
    /// <summary>The weights b_s of the step.</summary>
    public ImmutableArray<double> B { get; }
    /// <summary>The nodes c_s (row sums of a).</summary>
    public ImmutableArray<double> C { get; }
    /// <summary>The number of stages s.</summary>
    public int Stages => B.Length;

    /// <summary>
    /// Stages a fixed step must evaluate: trailing stages with b_s = 0 feed nothing (Tsit5's seventh, first-same-as-last
    /// stage only serves its error estimate), so a fixed-step stepper stops before them.
    /// </summary>
    public int StagesUsed { get; }

    /// <summary>The classic fourth-order method; the same object as <see cref="Methods.ClassicRk4"/>.</summary>
    public static ButcherTableau ClassicRk4 => Methods.ClassicRk4;

    /// <summary>Same coefficients (exactly), whatever the name: a copy of RK4 may take RK4's unrolled fast paths.</summary>
    public bool HasCoefficientsOf(ButcherTableau other) =>
        Stages == other.Stages && B.SequenceEqual(other.B) && C.SequenceEqual(other.C)
        && A.Zip(other.A).All(rows => rows.First.SequenceEqual(rows.Second));

    private int LastContributingStage()
    {
        for (int s = Stages - 1; s > 0; s--)
            if (B[s] != 0)
                return s;
        return 0;
    }

    /// <summary>The name, order and stage count.</summary>
    public override string ToString() => $"{Name} (order {Order}, {Stages} stages)";
}
