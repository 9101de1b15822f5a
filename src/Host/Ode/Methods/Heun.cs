namespace FastAttractors;

public static partial class Methods
{
    /// <summary>Heun's method (explicit trapezoid, RK2): x' = x + h/2 (f(x) + f(x + h f(x))). Order 2, 2 stages.</summary>
    public static ButcherTableau Heun { get; } = new(
        "heun",
        2,
        [[], [1.0]],
        [0.5, 0.5],
        [0.0, 1.0]);
}
