namespace FastAttractors;

/// <summary>
/// An explicit Runge–Kutta method as data plus its order (STYLE 3). The constructor checks the invariants
/// (strictly lower-triangular a, rows of a sum to c, Σ b = 1). The kernels hand-unroll <see cref="ClassicRk4"/>;
/// tests prove that equals this tableau path, which the Reference integrator uses.
/// </summary>
public sealed record ButcherTableau
{
    public ButcherTableau(string name, int order, double[][] a, double[] b, double[] c)
    {
        int s = b.Length;
        if (a.Length != s || c.Length != s)
            throw new ArgumentException($"tableau '{name}': a has {a.Length} rows, b {s} and c {c.Length} entries.", nameof(a));
        for (int i = 0; i < s; i++)
        {
            if (a[i].Length != i)
                throw new ArgumentException($"tableau '{name}': row {i} of a must have {i} entries (explicit method), got {a[i].Length}.", nameof(a));
            if (Math.Abs(a[i].Sum() - c[i]) > 1e-14)
                throw new ArgumentException($"tableau '{name}': row {i} of a sums to {a[i].Sum()}, c[{i}] = {c[i]}.", nameof(c));
        }
        if (Math.Abs(b.Sum() - 1.0) > 1e-14)
            throw new ArgumentException($"tableau '{name}': Σ b = {b.Sum()}, must be 1.", nameof(b));
        Name = name;
        Order = order;
        A = a;
        B = b;
        C = c;
    }

    public string Name { get; }
    public int Order { get; }
    public double[][] A { get; }
    public double[] B { get; }
    public double[] C { get; }
    public int Stages => B.Length;

    /// <summary>The classic fourth-order method: the 1/6, 1/3, 1/3, 1/6 rule (not the 3/8 rule).</summary>
    public static ButcherTableau ClassicRk4 { get; } = new(
        "classic RK4",
        4,
        [[], [0.5], [0.0, 0.5], [0.0, 0.0, 1.0]],
        [1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6],
        [0.0, 0.5, 0.5, 1.0]);
}
