using ILGPU;

namespace FastAttractors.Kernels.Ode;

/// <summary>Per-member integration status codes written by kernels (no asserts in kernels).</summary>
public static class MemberStatusCode
{
    /// <summary>The member stepped normally.</summary>
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
    /// <summary>Members in the chunk: the SoA stride of every view.</summary>
    public readonly int Members = members;
    /// <summary>
    /// The state x, the RK stage input, the stage slope(s), the RK4 accumulator and the model scratch, each n (scratch:
    /// the model's ScratchLength) values per member, SoA.
    /// </summary>
    public readonly ArrayView<T> X = x, Stage = stage, Slope = slope, Accumulator = accumulator, Scratch = scratch;
    /// <summary>Per-member <see cref="MemberStatusCode"/>.</summary>
    public readonly ArrayView<int> Status = status;
    /// <summary>
    /// Per member, the global step at which it went non-finite (meaningful only when its status is NonFinite).
    /// </summary>
    public readonly ArrayView<long> FailedStep = failedStep;
}

/// <summary>The step sizes of one classic RK4 launch, precomputed on the host (no generic constants in kernels).</summary>
public readonly struct Rk4Coefficients<T>(T dt, T halfDt, T thirdDt, T sixthDt) where T : unmanaged
{
    /// <summary>h, h/2, h/3 and h/6 in T.</summary>
    public readonly T Dt = dt, HalfDt = halfDt, ThirdDt = thirdDt, SixthDt = sixthDt;
}

/// <summary>Which global steps a launch performs: [FirstStep, FirstStep + Steps).</summary>
public readonly struct StepRange(long firstStep, int steps)
{
    /// <summary>The global index of the launch's first step.</summary>
    public readonly long FirstStep = firstStep;
    /// <summary>The number of steps the launch performs.</summary>
    public readonly int Steps = steps;
}
