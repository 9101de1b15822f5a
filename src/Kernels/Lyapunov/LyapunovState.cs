using ILGPU;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// Device views of one chunk for the Lyapunov kernels, all SoA with stride <see cref="Members"/> (member fastest):
/// state x and its Runge–Kutta work (stage states, slopes, next), model scratch, the linearisation(s), the n × k
/// tangent frame Q with its work (tangent slopes, next Q) and one stage input column V; per member the status and
/// failing step; in float64 the
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
    /// <summary>Members in the chunk: the SoA stride of every view.</summary>
    public readonly int Members = members;
    /// <summary>
    /// The state x, its stage states and slopes (one slot of n values per member per stage, see
    /// <see cref="LyapunovRkKernel"/>), the next state, the model scratch and the linearisation(s) (the model's
    /// LinearisationLength values, one slot per stage for flows), SoA.
    /// </summary>
    public readonly ArrayView<T> X = x, Stage = stage, Slope = slope, NextX = nextX, Scratch = scratch, Linearisation = linearisation;
    /// <summary>
    /// The n × k tangent frame Q (n·k values per member, column-major per member), the current column's tangent slopes
    /// (one slot of n values per stage), the next frame, and the current column's stage input V (n values), SoA.
    /// </summary>
    public readonly ArrayView<T> Q = q, StageQ = stageQ, NextQ = nextQ, Column = column;
    /// <summary>Per-member status (<see cref="FastAttractors.Kernels.Ode.MemberStatusCode"/>).</summary>
    public readonly ArrayView<int> Status = status;
    /// <summary>Per member, the global step at which x or Q went non-finite.</summary>
    public readonly ArrayView<long> FailedStep = failedStep;
    /// <summary>
    /// Float64 block sums of log |R_ii| at [(b·k + i)·Members + m], the contraction integral per member, and the host's
    /// constant part of the map contraction per member.
    /// </summary>
    public readonly ArrayView<double> BlockLogSums = blockLogSums, Contraction = contraction, ContractionOffset = contractionOffset;
}

/// <summary>
/// The QR schedule of a run (docs/explanations/qr-method.md): <see cref="Every"/> steps per interval, <see cref="TransientIntervals"/> that
/// only orient Q, then <see cref="AccumulateIntervals"/> summed into <see cref="Blocks"/> blocks; the contraction is
/// integrated (by the method's own quadrature, in float64) only when <see cref="FullSpectrum"/> is 1.
/// </summary>
public readonly struct LyapunovSchedule(int k, int every, long transientIntervals, long accumulateIntervals, int blocks, int fullSpectrum)
{
    /// <summary>
    /// Tangent columns k, steps per QR interval, accumulation blocks, and 1 when the full spectrum (hence the
    /// contraction) is computed, else 0.
    /// </summary>
    public readonly int K = k, Every = every, Blocks = blocks, FullSpectrum = fullSpectrum;
    /// <summary>Intervals that only orient Q, then intervals whose log |R_ii| are accumulated.</summary>
    public readonly long TransientIntervals = transientIntervals, AccumulateIntervals = accumulateIntervals;

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
    /// <summary>The global index of the launch's first QR interval.</summary>
    public readonly long First = first;
    /// <summary>The number of QR intervals the launch performs.</summary>
    public readonly int Count = count;
}
