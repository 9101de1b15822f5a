using System.Numerics;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// One worker's tile on the Simd gradient path: state, checkpoints, the records of one recomputed segment, the
/// adjoint and the per-lane parameter cotangents.
/// </summary>
internal sealed class GradientTile<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Outer-product pairs batched per W̄ update: 32 pairs (8 RK4 steps, one pair per stage) make the 4 × 4-blocked product's loads and
    /// stores of W̄ a small share of its 16 × 32 FMAs per block, and 64 n lane vectors stay in L1/L2 for n ≤ 64.
    /// </summary>
    public const int OuterBatch = 32;

    public GradientTile(GradientPlan plan, int stages, int scratch, int linearisation, int cotangent, int outer)
    {
        int n = plan.N;
        OuterDimension = outer;
        Outer = new Vector<T>[Math.Max(1, OuterBatch * 2 * outer)];
        OuterPacked = new Vector<T>[Math.Max(1, OuterBatch * 2 * outer)];
        Stages = plan.IsMap ? 1 : stages;
        LinearisationLength = linearisation;
        StageLength = 2 * n + linearisation;
        RecordLength = RecordLengthOf(plan, stages, linearisation);
        X = new Vector<T>[n];
        Next = new Vector<T>[n];
        Checkpoints = new Vector<T>[plan.Checkpoints * n];
        Work = new Vector<T>[RecordLength];
        Records = new Vector<T>[(long)plan.CheckpointInterval * RecordLength];
        Scratch = new Vector<T>[Math.Max(1, scratch)];
        A = new Vector<T>[n];
        Bar = new Vector<T>[n];
        KBar = new Vector<T>[Stages * n];
        Cotangent = new Vector<T>[Math.Max(1, cotangent)];
        AdjointLanes = new T[n * Vector<T>.Count];
        Loss = new double[Vector<T>.Count];
        LaneState = new double[n];
        LossGradient = new double[n];
    }

    /// <summary>Lane vectors per step record: x(t), then per stage (one for maps) X_s, f(X_s) and the linearisation.</summary>
    public static int RecordLengthOf(GradientPlan plan, int stages, int linearisation) =>
        plan.N + (plan.IsMap ? 1 : stages) * (2 * plan.N + linearisation);

    /// <summary>The method's stages (RK4: 4) or one map evaluation per step.</summary>
    public readonly int Stages;

    public readonly int LinearisationLength;

    /// <summary>Lane vectors per stage in a record: the stage state X_s, its slope f(X_s) (F(x) for maps), its linearisation.</summary>
    public readonly int StageLength;

    /// <summary>Lane vectors per step record: x(t), then each stage.</summary>
    public readonly int RecordLength;

    /// <summary>n when the field defers its leading cotangent block to outer-product pairs, else 0.</summary>
    public readonly int OuterDimension;

    /// <summary>Pending pairs [u (n), v (n)] for W̄ += Σ u vᵀ, and how many.</summary>
    public readonly Vector<T>[] Outer;

    /// <summary>The pending pairs packed row by row (2n rows of <see cref="OuterBatch"/>) for the product.</summary>
    public readonly Vector<T>[] OuterPacked;

    public int OuterCount;

    public Vector<T>[] X, Next;
    public readonly Vector<T>[] Checkpoints, Work, Records, Scratch, A, Bar, KBar, Cotangent;

    /// <summary>The adjoint spread out lane by lane ([i · lanes + l]) while host-side loss gradients are added.</summary>
    public readonly T[] AdjointLanes;

    /// <summary>Loss per lane, accumulated in float64 as the reference does.</summary>
    public readonly double[] Loss;

    public readonly double[] LaneState, LossGradient;
}
