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
    /// <summary>Members in the chunk: the SoA stride of every view.</summary>
    public readonly int Members = members;
    /// <summary>
    /// The state x, its RK4 stage input, stage slope and next state (n values per member each), the model scratch and
    /// the linearisation (the model's LinearisationLength values), SoA.
    /// </summary>
    public readonly ArrayView<T> X = x, Stage = stage, Slope = slope, NextX = nextX, Scratch = scratch, Linearisation = linearisation;
    /// <summary>
    /// The n × k tangent frame Q, its RK4 stage input and next frame (n·k values per member, column-major per member),
    /// and one column of J v (n values), SoA.
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
/// integrated (float64 RK4 weights dt/6, dt/3) only when <see cref="FullSpectrum"/> is 1.
/// </summary>
public readonly struct LyapunovSchedule(int k, int every, long transientIntervals, long accumulateIntervals, int blocks, int fullSpectrum, double dt)
{
    /// <summary>
    /// Tangent columns k, steps per QR interval, accumulation blocks, and 1 when the full spectrum (hence the
    /// contraction) is computed, else 0.
    /// </summary>
    public readonly int K = k, Every = every, Blocks = blocks, FullSpectrum = fullSpectrum;
    /// <summary>Intervals that only orient Q, then intervals whose log |R_ii| are accumulated.</summary>
    public readonly long TransientIntervals = transientIntervals, AccumulateIntervals = accumulateIntervals;
    /// <summary>dt/6 and dt/3 in float64, the RK4 weights of the contraction integral.</summary>
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
    /// <summary>The global index of the launch's first QR interval.</summary>
    public readonly long First = first;
    /// <summary>The number of QR intervals the launch performs.</summary>
    public readonly int Count = count;
}
