using ILGPU;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// Device views of one chunk for the Lyapunov kernels, all SoA with stride <see cref="Members"/> (member fastest):
/// state x and its RK4 work (stage, slope, next), model scratch, the linearisation, the n × k tangent frame Q with its
/// RK4 work (stage input V, next Q) and one column of J v; per member the status and failing step; in float64 the
/// block sums of log |R_ii| ([(b·k + i)·Members + m]), the contraction integral and the host's constant part of the
/// map contraction (log |det W| or log |det A|; zeros otherwise).
/// </summary>
public readonly struct LyapunovState<T>(
    int members,
    ArrayView<T> x,
    ArrayView<T> stage,
    ArrayView<T> slope,
    ArrayView<T> nextX,
    ArrayView<T> scratch,
    ArrayView<T> linearisation,
    ArrayView<T> q,
    ArrayView<T> stageQ,
    ArrayView<T> nextQ,
    ArrayView<T> column,
    ArrayView<int> status,
    ArrayView<long> failedStep,
    ArrayView<double> blockLogSums,
    ArrayView<double> contraction,
    ArrayView<double> contractionOffset) where T : unmanaged
{
    public readonly int Members = members;
    public readonly ArrayView<T> X = x, Stage = stage, Slope = slope, NextX = nextX, Scratch = scratch, Linearisation = linearisation;
    public readonly ArrayView<T> Q = q, StageQ = stageQ, NextQ = nextQ, Column = column;
    public readonly ArrayView<int> Status = status;
    public readonly ArrayView<long> FailedStep = failedStep;
    public readonly ArrayView<double> BlockLogSums = blockLogSums, Contraction = contraction, ContractionOffset = contractionOffset;
}

/// <summary>
/// The QR schedule of a run (spec §3): <see cref="Every"/> steps per interval, <see cref="TransientIntervals"/> that
/// only orient Q, then <see cref="AccumulateIntervals"/> summed into <see cref="Blocks"/> blocks; the contraction is
/// integrated (float64 RK4 weights dt/6, dt/3) only when <see cref="FullSpectrum"/> is 1.
/// </summary>
public readonly struct LyapunovSchedule(int k, int every, long transientIntervals, long accumulateIntervals, int blocks, int fullSpectrum, double dt)
{
    public readonly int K = k, Every = every, Blocks = blocks, FullSpectrum = fullSpectrum;
    public readonly long TransientIntervals = transientIntervals, AccumulateIntervals = accumulateIntervals;
    public readonly double SixthDt = dt / 6.0, ThirdDt = dt / 3.0;

    /// <summary>The block of global interval <paramref name="interval"/>, or −1 during the transient (LyapunovPlan.BlockOf).</summary>
    public int BlockOf(long interval)
    {
        long a = interval - TransientIntervals;
        return a < 0 ? -1 : (int)(a * Blocks / AccumulateIntervals);
    }
}

/// <summary>Which QR intervals a launch performs: [First, First + Count); huge runs are split into bounded launches.</summary>
public readonly struct IntervalRange(long first, int count)
{
    public readonly long First = first;
    public readonly int Count = count;
}
