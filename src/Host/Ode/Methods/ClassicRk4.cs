namespace FastAttractors;

public static partial class Methods
{
    /// <summary>Classic RK4 (Kutta 1901): the 1/6, 1/3, 1/3, 1/6 rule, not the 3/8 rule. Order 4, 4 stages.</summary>
    public static ButcherTableau ClassicRk4 { get; } = new(
        "rk4",
        4,
        [[], [0.5], [0.0, 0.5], [0.0, 0.0, 1.0]],
        [1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6],
        [0.0, 0.5, 0.5, 1.0]);
}
