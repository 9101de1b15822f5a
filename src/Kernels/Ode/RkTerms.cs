using ILGPU;

namespace FastAttractors.Kernels.Ode;

/// <summary>
/// An explicit Runge–Kutta tableau as a kernel reads it: the nonzero terms h·a_sj of each stage input, then the
/// nonzero h·b_s of the step, each a weight (already in T: kernels cannot convert constants) and the slope it scales.
/// Stage s sums terms [Starts[s], Starts[s+1]); the step sums [Starts[Stages], Starts[Stages+1]). Zero entries are
/// left out rather than multiplied: x + 0·K is not x when K is ±∞ or NaN (nor for x = −0), and RK4's stage 3 would
/// read K₁ for nothing. The c column is not passed: models are autonomous, a stage needs only its input.
/// </summary>
public readonly struct RkTerms<T>(int stages, ArrayView<T> weights, ArrayView<int> slopes, ArrayView<int> starts) where T : unmanaged
{
    /// <summary>The number of stages s of the method.</summary>
    public readonly int Stages = stages;
    /// <summary>The nonzero terms' weights h·a_sj (stage inputs), then h·b_s (the step), in T.</summary>
    public readonly ArrayView<T> Weights = weights;
    /// <summary>For each term, the index j of the slope K_j it scales.</summary>
    public readonly ArrayView<int> Slopes = slopes;
    /// <summary>
    /// Term ranges: stage s sums terms [Starts[s], Starts[s+1]); the step sums [Starts[Stages], Starts[Stages+1]).
    /// </summary>
    public readonly ArrayView<int> Starts = starts;
}
