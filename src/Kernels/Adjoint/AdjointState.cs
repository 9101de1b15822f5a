using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
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
    /// <summary>Members in the chunk: the SoA stride of every view.</summary>
    public readonly int Members = members;
    /// <summary>
    /// The state x and next state (n per member), the RK4 stage states X₁..X₃ (3 slots) and slopes K₀..K₃ (4 slots),
    /// SoA.
    /// </summary>
    public readonly ArrayView<T> X = x, Next = next, Stages = stages, Slopes = slopes;
    /// <summary>
    /// The adjoint ā, its stage cotangents K̄₀..K̄₃ (4 slots), one VJP result (n each), the model scratch and the
    /// adjoint work (the model's AdjointWorkLength), SoA.
    /// </summary>
    public readonly ArrayView<T> Adjoint = adjoint, StageBars = stageBars, Bar = bar, Scratch = scratch, Work = work;
    /// <summary>
    /// The checkpoints (slot c = x at step c·C), the recomputed segment (slot t − first) and the host's loss gradients
    /// for the segment (slot q), SoA.
    /// </summary>
    public readonly ArrayView<T> Checkpoints = checkpoints, Segment = segment, LossGradients = lossGradients;
    /// <summary>The global step of each loss-gradient slot.</summary>
    public readonly ArrayView<long> LossSteps = lossSteps;
    /// <summary>Float64 parameter cotangents at [p·Members + m] and adjoint norms |ā| at [frame·Members + m].</summary>
    public readonly ArrayView<double> ParameterBar = parameterBar, Norms = norms;
    /// <summary>Per-member <see cref="AdjointStatusCode"/>.</summary>
    public readonly ArrayView<int> Status = status;
    /// <summary>Per member, the step at which the forward state or the gradient went non-finite.</summary>
    public readonly ArrayView<long> FailedStep = failedStep;
}

/// <summary>Device codes of a member's gradient status (numerically equal to the host's GradientStatus).</summary>
public static class AdjointStatusCode
{
    /// <summary>The gradient is valid.</summary>
    public const int Ok = 0;
    /// <summary>The forward trajectory went non-finite.</summary>
    public const int ForwardDiverged = 1;
    /// <summary>The backward pass produced a non-finite adjoint or cotangent.</summary>
    public const int GradientNonFinite = 2;
}

/// <summary>
/// The classic RK4 tableau in T, as ReferenceGradient uses it: stage inputs x + (h/2) K₀, x + (h/2) K₁, x + h K₂,
/// weights b_s; for the adjoint h·b_s and h·a_{s,s−1} (the only non-zero a). <see cref="Map"/> 1: one map iterate per step.
/// <see cref="Tableau"/> 1: any other explicit method, stepped and differentiated from its <see cref="Terms"/>.
/// </summary>
public readonly struct AdjointCoefficients<T>(int map, double dt, RkTerms<T> terms = default, int tableau = 0) where T : unmanaged, IReal<T>
{
    /// <summary>1: one map iterate per step; 0: one step of the flow.</summary>
    public readonly int Map = map;
    /// <summary>1: the flow steps with <see cref="Terms"/> (any explicit tableau); 0: the unrolled classic RK4 below.</summary>
    public readonly int Tableau = tableau;
    /// <summary>The method's nonzero h·a_sj and h·b_s with their slopes, as the integration kernel reads them.</summary>
    public readonly RkTerms<T> Terms = terms;
    /// <summary>The step h and h/2 in T.</summary>
    public readonly T Dt = T.FromDouble(dt), HalfDt = T.FromDouble(dt / 2);
    /// <summary>RK4's weights b₀..b₃ = 1/6, 1/3, 1/3, 1/6 in T.</summary>
    public readonly T B0 = T.FromDouble(1.0 / 6), B1 = T.FromDouble(1.0 / 3), B2 = T.FromDouble(1.0 / 3), B3 = T.FromDouble(1.0 / 6);
    /// <summary>h·b₀..h·b₃ in T.</summary>
    public readonly T HB0 = T.FromDouble(dt * (1.0 / 6)), HB1 = T.FromDouble(dt * (1.0 / 3)), HB2 = T.FromDouble(dt * (1.0 / 3)), HB3 = T.FromDouble(dt * (1.0 / 6));
    /// <summary>h·a₁₀, h·a₂₁, h·a₃₂ = h/2, h/2, h in T (the only nonzero a of classic RK4).</summary>
    public readonly T HA1 = T.FromDouble(dt * 0.5), HA2 = T.FromDouble(dt * 0.5), HA3 = T.FromDouble(dt * 1.0);
}

/// <summary>
/// A forward launch: steps [First, First + Count), storing x(t) for every t in [First, First + Count] with
/// (t − Origin) divisible by Every and slot (t − Origin)/Every below Slots, into the checkpoints (ToSegment 0) or the
/// segment buffer (1).
/// </summary>
public readonly struct ForwardRange(long first, int count, long origin, int every, long slots, int toSegment)
{
    /// <summary>
    /// The first step of the launch, the step of slot 0, and the number of slots in the target buffer.
    /// </summary>
    public readonly long First = first, Origin = origin, Slots = slots;
    /// <summary>
    /// Steps in the launch, steps between stored states, and 1 to store into the segment buffer (0: the checkpoints).
    /// </summary>
    public readonly int Count = count, Every = every, ToSegment = toSegment;
}

/// <summary>
/// A backward launch inside the segment starting at SegmentFirst: steps Top, Top − 1, … (Count of them); loss
/// gradients from slot LossCursor on (LossCount in the segment, steps descending); adjoint norms every NormEvery
/// steps (0: none).
/// </summary>
public readonly struct BackwardRange(long top, int count, long segmentFirst, int lossCursor, int lossCount, int normEvery)
{
    /// <summary>The step the launch starts from (descending), and the first step of the segment.</summary>
    public readonly long Top = top, SegmentFirst = segmentFirst;
    /// <summary>
    /// Steps in the launch, the first loss-gradient slot, the loss-gradient slots in the segment, and the steps between
    /// stored adjoint norms (0: none).
    /// </summary>
    public readonly int Count = count, LossCursor = lossCursor, LossCount = lossCount, NormEvery = normEvery;
}
