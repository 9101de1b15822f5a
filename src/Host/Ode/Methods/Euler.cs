namespace FastAttractors;

public static partial class Methods
{
    /// <summary>Forward Euler: x' = x + h f(x). Order 1, 1 stage.</summary>
    public static ButcherTableau Euler { get; } = new(
        "euler",
        1,
        [[]],
        [1.0],
        [0.0]);
}
