using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Adjoint;

/// <summary>
/// Device views of one chunk for the adjoint kernels, all SoA with stride <see cref="Members"/> (member fastest;
/// slot s of a multi-vector buffer holds component i of member m at (s·n + i)·Members + m): state x and the next
/// state, the RK4 stage states X₁..X₃ and slopes K₀..K₃, the adjoint ā, its stage cotangents K̄₀..K̄₃ and one VJP
/// result; model scratch and adjoint work; the checkpoints (slot c = x at step c·C), the recomputed segment (slot t −
/// first) and the host's loss gradients for the segment (slot q at step LossSteps[q]); float64 per-member parameter
/// cotangents [p·Members + m] and adjoint norms [frame·Members + m]; per member the status and failing step.
/// </summary>
public readonly struct AdjointState<T>(
    int members,
    ArrayView<T> x,
    ArrayView<T> next,
    ArrayView<T> stages,
    ArrayView<T> slopes,
    ArrayView<T> adjoint,
    ArrayView<T> stageBars,
    ArrayView<T> bar,
    ArrayView<T> scratch,
    ArrayView<T> work,
    ArrayView<T> checkpoints,
    ArrayView<T> segment,
    ArrayView<T> lossGradients,
    ArrayView<long> lossSteps,
    ArrayView<double> parameterBar,
    ArrayView<double> norms,
    ArrayView<int> status,
    ArrayView<long> failedStep) where T : unmanaged
{
    public readonly int Members = members;
    public readonly ArrayView<T> X = x, Next = next, Stages = stages, Slopes = slopes;
    public readonly ArrayView<T> Adjoint = adjoint, StageBars = stageBars, Bar = bar, Scratch = scratch, Work = work;
    public readonly ArrayView<T> Checkpoints = checkpoints, Segment = segment, LossGradients = lossGradients;
    public readonly ArrayView<long> LossSteps = lossSteps;
    public readonly ArrayView<double> ParameterBar = parameterBar, Norms = norms;
    public readonly ArrayView<int> Status = status;
    public readonly ArrayView<long> FailedStep = failedStep;
}

/// <summary>Device codes of a member's gradient status (numerically equal to the host's GradientStatus).</summary>
public static class AdjointStatusCode
{
    public const int Ok = 0;
    public const int ForwardDiverged = 1;
    public const int GradientNonFinite = 2;
}

/// <summary>
/// The classic RK4 tableau in T, as ReferenceGradient uses it: stage inputs x + (h/2) K₀, x + (h/2) K₁, x + h K₂,
/// weights b_s; for the adjoint h·b_s and h·a_{s,s−1} (the only non-zero a). <see cref="Map"/> 1: one map iterate per step.
/// </summary>
public readonly struct AdjointCoefficients<T>(int map, double dt) where T : unmanaged, IReal<T>
{
    public readonly int Map = map;
    public readonly T Dt = T.FromDouble(dt), HalfDt = T.FromDouble(dt / 2);
    public readonly T B0 = T.FromDouble(1.0 / 6), B1 = T.FromDouble(1.0 / 3), B2 = T.FromDouble(1.0 / 3), B3 = T.FromDouble(1.0 / 6);
    public readonly T HB0 = T.FromDouble(dt * (1.0 / 6)), HB1 = T.FromDouble(dt * (1.0 / 3)), HB2 = T.FromDouble(dt * (1.0 / 3)), HB3 = T.FromDouble(dt * (1.0 / 6));
    public readonly T HA1 = T.FromDouble(dt * 0.5), HA2 = T.FromDouble(dt * 0.5), HA3 = T.FromDouble(dt * 1.0);
}

/// <summary>
/// A forward launch: steps [First, First + Count), storing x(t) for every t in [First, First + Count] with
/// (t − Origin) divisible by Every and slot (t − Origin)/Every below Slots, into the checkpoints (ToSegment 0) or the
/// segment buffer (1).
/// </summary>
public readonly struct ForwardRange(long first, int count, long origin, int every, long slots, int toSegment)
{
    public readonly long First = first, Origin = origin, Slots = slots;
    public readonly int Count = count, Every = every, ToSegment = toSegment;
}

/// <summary>
/// A backward launch inside the segment starting at SegmentFirst: steps Top, Top − 1, … (Count of them); loss
/// gradients from slot LossCursor on (LossCount in the segment, steps descending); adjoint norms every NormEvery
/// steps (0: none).
/// </summary>
public readonly struct BackwardRange(long top, int count, long segmentFirst, int lossCursor, int lossCount, int normEvery)
{
    public readonly long Top = top, SegmentFirst = segmentFirst;
    public readonly int Count = count, LossCursor = lossCursor, LossCount = lossCount, NormEvery = normEvery;
}
