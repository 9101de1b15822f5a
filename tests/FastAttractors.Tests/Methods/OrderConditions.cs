namespace FastAttractors.Tests.Methods;

/// <summary>
/// The Butcher order conditions Σ b_i Φ_i(t) = 1/γ(t) for every rooted tree t of up to five nodes (1 + 1 + 2 + 4 + 9
/// = 17 trees; Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.2). A method has order p iff all trees of up to p
/// nodes hold.
/// </summary>
internal static class OrderConditions
{
    /// <summary>(order of the tree, residual Σ b Φ − 1/γ) for all 17 trees.</summary>
    public static IEnumerable<(int Order, string Tree, double Residual)> Residuals(ButcherTableau t)
    {
        int s = t.Stages;
        double[] b = [.. t.B], c = [.. t.C];
        double[] Ac(double[] v) => [.. Enumerable.Range(0, s).Select(i => Enumerable.Range(0, i).Sum(j => t.A[i][j] * v[j]))];
        double[] Mul(double[] u, double[] v) => [.. u.Zip(v, (p, q) => p * q)];
        double Dot(double[] v) => b.Zip(v, (p, q) => p * q).Sum();
        double[] one = [.. Enumerable.Repeat(1.0, s)];
        double[] c2 = Mul(c, c), c3 = Mul(c2, c), c4 = Mul(c3, c);
        double[] a1 = Ac(c), a2 = Ac(c2), a3 = Ac(c3), aa1 = Ac(a1);

        yield return (1, "b·1", Dot(one) - 1.0);
        yield return (2, "b·c", Dot(c) - 1.0 / 2);
        yield return (3, "b·c²", Dot(c2) - 1.0 / 3);
        yield return (3, "b·Ac", Dot(a1) - 1.0 / 6);
        yield return (4, "b·c³", Dot(c3) - 1.0 / 4);
        yield return (4, "b·(c∘Ac)", Dot(Mul(c, a1)) - 1.0 / 8);
        yield return (4, "b·Ac²", Dot(a2) - 1.0 / 12);
        yield return (4, "b·AAc", Dot(aa1) - 1.0 / 24);
        yield return (5, "b·c⁴", Dot(c4) - 1.0 / 5);
        yield return (5, "b·(c²∘Ac)", Dot(Mul(c2, a1)) - 1.0 / 10);
        yield return (5, "b·(c∘Ac²)", Dot(Mul(c, a2)) - 1.0 / 15);
        yield return (5, "b·(c∘AAc)", Dot(Mul(c, aa1)) - 1.0 / 30);
        yield return (5, "b·(Ac)²", Dot(Mul(a1, a1)) - 1.0 / 20);
        yield return (5, "b·Ac³", Dot(a3) - 1.0 / 20);
        yield return (5, "b·A(c∘Ac)", Dot(Ac(Mul(c, a1))) - 1.0 / 40);
        yield return (5, "b·AAc²", Dot(Ac(a2)) - 1.0 / 60);
        yield return (5, "b·AAAc", Dot(Ac(aa1)) - 1.0 / 120);
    }
}
