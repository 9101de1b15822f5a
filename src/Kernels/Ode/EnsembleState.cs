using ILGPU;

namespace FastAttractors.Kernels.Ode;

/// <summary>Per-member integration status codes written by kernels (no asserts in kernels).</summary>
public static class MemberStatusCode
{
    public const int Ok = 0;

    /// <summary>A step produced NaN or ±∞; the member keeps its last finite state and is not stepped again.</summary>
    public const int NonFinite = 1;
}

/// <summary>
/// Device views of one chunk of an ensemble, all SoA with stride <see cref="Members"/>: the state X, RK4 work
/// vectors (stage input, stage slope, accumulator), model scratch, per-member status and the failing step. For
/// <see cref="RkKernel"/> the slope view holds one slope per stage of the tableau, one after another.
/// </summary>
public readonly struct EnsembleState<T>(
    int members,
    ArrayView<T> x,
    ArrayView<T> stage,
    ArrayView<T> slope,
    ArrayView<T> accumulator,
    ArrayView<T> scratch,
    ArrayView<int> status,
    ArrayView<long> failedStep) where T : unmanaged
{
    public readonly int Members = members;
    public readonly ArrayView<T> X = x, Stage = stage, Slope = slope, Accumulator = accumulator, Scratch = scratch;
    public readonly ArrayView<int> Status = status;
    public readonly ArrayView<long> FailedStep = failedStep;
}

/// <summary>The step sizes of one classic RK4 launch, precomputed on the host (no generic constants in kernels).</summary>
public readonly struct Rk4Coefficients<T>(T dt, T halfDt, T thirdDt, T sixthDt) where T : unmanaged
{
    public readonly T Dt = dt, HalfDt = halfDt, ThirdDt = thirdDt, SixthDt = sixthDt;
}

/// <summary>Which global steps a launch performs: [FirstStep, FirstStep + Steps).</summary>
public readonly struct StepRange(long firstStep, int steps)
{
    public readonly long FirstStep = firstStep;
    public readonly int Steps = steps;
}
