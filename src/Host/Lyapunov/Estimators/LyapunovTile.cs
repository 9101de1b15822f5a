using System.Numerics;
using FastAttractors.Models;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// One worker's tile: state and stage work, one linearisation per stage, the tangent frame and one column block. The
/// unrolled RK4 keeps one running slope; the tableau's stage loop keeps every stage's slope (state and block), since
/// a later stage may read any earlier one.
/// </summary>
internal sealed class LyapunovTile<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Tangent columns advanced together: each load of a per-member W lane vector then serves this many FMAs.
    /// Four keeps the block (4 × 4 n vectors) in L1 next to the frame for n up to ~100.
    /// </summary>
    public const int ColumnBlock = 4;

    public LyapunovTile(LyapunovPlan plan, int stages, int scratch, int linearisation, IReferenceField referenceField)
    {
        int n = plan.N, block = Math.Min(ColumnBlock, plan.K);
        X = new Vector<T>[n];
        Next = new Vector<T>[n];
        Slope = new Vector<T>[n];
        Stage = new Vector<T>[n];
        Scratch = new Vector<T>[Math.Max(1, scratch)];
        Linearisation = Enumerable.Range(0, Math.Max(4, stages)).Select(_ => new Vector<T>[Math.Max(1, linearisation)]).ToArray();
        Slopes = Enumerable.Range(0, stages).Select(_ => new Vector<T>[n]).ToArray();
        BlockSlopes = Enumerable.Range(0, stages).Select(_ => new Vector<T>[n * block]).ToArray();
        Q = new Vector<T>[n * plan.K];
        BlockAcc = new Vector<T>[n * block];
        BlockStage = new Vector<T>[n * block];
        BlockSlope = new Vector<T>[n * block];
        BlockScratch = new Vector<T>[n * block];
        R = new Vector<T>[plan.K];
        LaneState = new double[n];
        LogExponents = new Vector<double>[plan.K];
        LogMantissas = new Vector<double>[plan.K];
        ReferenceField = referenceField;
    }

    public readonly Vector<T>[] X, Next, Slope, Stage, Scratch, Q, BlockAcc, BlockStage, BlockSlope, BlockScratch, R;
    public readonly Vector<T>[][] Linearisation;

    /// <summary>The stage loop's slopes: K_s of the state (n each) and of the current column block (n × block each).</summary>
    public readonly Vector<T>[][] Slopes, BlockSlopes;

    /// <summary>One lane's state in float64, for the sum-rule contraction through the reference field.</summary>
    public readonly double[] LaneState;

    public readonly IReferenceField ReferenceField;

    /// <summary>
    /// float64 tiles: the block's product of R_ii per lane, for block <see cref="LogSumBlock"/> (−1: none held), as
    /// 2^LogExponents · LogMantissas with the mantissa kept in [1, 2) after every factor (TileRun.TryAccumulateLanes).
    /// </summary>
    public readonly Vector<double>[] LogExponents, LogMantissas;
    public int LogSumBlock = -1;

    /// <summary>Lanes that went non-finite and stay at their last finite state.</summary>
    public Vector<T> Frozen;

    /// <summary>float64 tiles: the sum-rule contraction of the current interval per lane.</summary>
    public Vector<double> ContractionLanes;
}
