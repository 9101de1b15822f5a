using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>Every registered tableau satisfies the order conditions of its order, and (below five) not the next.</summary>
public class TableauInvariantsTests
{
    public static IEnumerable<object[]> Registry() => FastAttractors.Methods.All.Select(m => new object[] { m.Name });

    [Theory]
    [MemberData(nameof(Registry))]
    public void Order_conditions_hold_up_to_the_declared_order(string name)
    {
        var method = FastAttractors.Methods.ByName(name);
        // Coefficients are doubles (Tsit5's reach |a| ≈ 13): sums of a few dozen products carry ~1e-15 of rounding;
        // 1e-12 is far below any genuine defect (the smallest failing residual here is ≥ 1e-3).
        foreach (var (order, tree, residual) in OrderConditions.Residuals(method).Where(r => r.Order <= method.Order))
            Assert.True(Math.Abs(residual) < 1e-12, $"{name}: tree {tree} (order {order}) residual {residual}");
    }

    [Theory]
    [MemberData(nameof(Registry))]
    public void Declared_order_is_exact(string name)
    {
        var method = FastAttractors.Methods.ByName(name);
        if (method.Order >= 5)
            return; // trees of six nodes are not enumerated; Tsit5 is order 5 by construction and by the convergence test
        double worst = OrderConditions.Residuals(method).Where(r => r.Order == method.Order + 1).Max(r => Math.Abs(r.Residual));
        Assert.True(worst > 1e-3, $"{name} also satisfies every order-{method.Order + 1} condition (worst residual {worst})");
    }

    [Fact]
    public void Registry_has_the_four_methods_by_unique_name()
    {
        Assert.Equal(["rk4", "euler", "heun", "tsit5"], FastAttractors.Methods.Names);
        Assert.Same(FastAttractors.Methods.Tsit5, FastAttractors.Methods.ByName("TSIT5"));
        Assert.Same(FastAttractors.Methods.ClassicRk4, ButcherTableau.ClassicRk4);
        Assert.Equal(7, FastAttractors.Methods.Tsit5.Stages);
        Assert.Equal(6, FastAttractors.Methods.Tsit5.StagesUsed);
        var error = Assert.Throws<ArgumentException>(() => FastAttractors.Methods.ByName("rk45"));
        Assert.Contains("rk4, euler, heun, tsit5", error.Message);
    }

    [Fact]
    public void Constructor_rejects_broken_tableaus_and_copies_its_input()
    {
        Assert.Throws<ArgumentException>(() => new ButcherTableau("bad-c", 1, [[], [0.5]], [0.5, 0.5], [0.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new ButcherTableau("bad-b", 1, [[]], [0.9], [0.0]));
        Assert.Throws<ArgumentException>(() => new ButcherTableau("implicit", 1, [[0.0]], [1.0], [0.0]));
        double[] b = [1.0];
        var euler = new ButcherTableau("copy", 1, [[]], b, [0.0]);
        b[0] = 2.0;
        Assert.Equal(1.0, euler.B[0]);
        Assert.True(euler.HasCoefficientsOf(FastAttractors.Methods.Euler));
        Assert.False(euler.HasCoefficientsOf(FastAttractors.Methods.Heun));
    }
}
