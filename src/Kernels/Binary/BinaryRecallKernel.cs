using ILGPU;

namespace FastAttractors.Kernels.Binary;

/// <summary>The sizes and switches of one binary recall launch (thread = (network, trial) of a chunk).</summary>
public readonly struct BinaryRecallShape(
    int firstThread, int threads, int trials, int visible, int hidden, int length, int transitions,
    bool periodic, bool hiddenLayer, bool zeroOne, bool reachesSequence, int searchSteps)
{
    /// <summary>Global index (network·Trials + trial) of the chunk's thread 0.</summary>
    public readonly int FirstThread = firstThread;

    /// <summary>Threads in this chunk; also the stride of the SoA state vectors.</summary>
    public readonly int Threads = threads;

    public readonly int Trials = trials, Visible = visible, Hidden = hidden, Length = length, Transitions = transitions, SearchSteps = searchSteps;

    /// <summary>1/0 flags (ints, not bools, so every backend lays the struct out alike).</summary>
    public readonly int Periodic = periodic ? 1 : 0, HiddenLayer = hiddenLayer ? 1 : 0, ZeroOne = zeroOne ? 1 : 0, ReachesSequence = reachesSequence ? 1 : 0;
}

/// <summary>
/// Device views of a binary recall launch. Weights are float64, network-major and row-major as in TrainingResult:
/// First = U (M×N, hidden layer) or W (N×N, visible-only), Second = V (N×M, hidden layer only). Patterns are ±1 ints,
/// (b·T + t)·N + k. State, Next (SoA, k·Threads + thread) and Scratch (SoA, i·Threads + thread) are per thread;
/// State holds the flipped start states on entry. Success receives 1 or 0 per thread.
/// </summary>
public readonly struct BinaryRecallBuffers(
    ArrayView<double> first,
    ArrayView<double> second,
    ArrayView<double> hiddenBias,
    ArrayView<double> visibleBias,
    ArrayView<int> patterns,
    ArrayView<int> state,
    ArrayView<int> next,
    ArrayView<double> scratch,
    ArrayView<int> success)
{
    public readonly ArrayView<double> First = first, Second = second, HiddenBias = hiddenBias, VisibleBias = visibleBias, Scratch = scratch;
    public readonly ArrayView<int> Patterns = patterns, State = state, Next = next, Success = success;
}

/// <summary>
/// Recall of hidden (HiddenUV, HiddenVOnly) and visible perceptron networks, one thread per (network, trial): the
/// synchronous map ζ = code(sgn(Uξ + b_U)), ξ' = sgn(Vζ + b_V) or ξ' = sgn(Wξ + b), sgn(0) = +1, in float64 with every
/// sum in index order (the Reference's NetworkStep), then the criterion of RecallCriterion, as ReferenceBinary.Recall.
/// </summary>
public static class BinaryRecallKernel
{
    public static void Run(Index1D index, BinaryRecallShape s, BinaryRecallBuffers v)
    {
        int thread = index;
        if (thread >= s.Threads)
            return;
        int b = (s.FirstThread + thread) / s.Trials;
        bool ok = s.ReachesSequence != 0 ? Reaches(s, v, thread, b) : FollowsFrom(s, v, thread, b, 0);
        v.Success[thread] = ok ? 1 : 0;
    }

    private static bool FollowsFrom(BinaryRecallShape s, BinaryRecallBuffers v, int thread, int b, int tau)
    {
        int steps = s.Periodic != 0 ? s.Length : s.Length - 1 - tau;
        for (int step = 0; step < steps; step++)
        {
            Step(s, v, thread, b);
            tau = tau + 1 < s.Length ? tau + 1 : 0;
            if (!Equals(s, v.Next, thread, v.Patterns, (b * s.Length + tau) * s.Visible))
                return false;
            for (int k = 0; k < s.Visible; k++)
                v.State[k * s.Threads + thread] = v.Next[k * s.Threads + thread];
        }
        return true;
    }

    private static bool Reaches(BinaryRecallShape s, BinaryRecallBuffers v, int thread, int b)
    {
        for (int step = 0; step <= s.SearchSteps; step++)
        {
            // The first stored pattern (with a successor) equal to the state, as the Reference's index finds it.
            for (int t = 0; t < s.Transitions; t++)
                if (Equals(s, v.State, thread, v.Patterns, (b * s.Length + t) * s.Visible))
                    return FollowsFrom(s, v, thread, b, t);
            Step(s, v, thread, b);
            for (int k = 0; k < s.Visible; k++)
                v.State[k * s.Threads + thread] = v.Next[k * s.Threads + thread];
        }
        return false;
    }

    private static bool Equals(BinaryRecallShape s, ArrayView<int> x, int thread, ArrayView<int> patterns, int offset)
    {
        for (int k = 0; k < s.Visible; k++)
            if (x[k * s.Threads + thread] != patterns[offset + k])
                return false;
        return true;
    }

    /// <summary>Next ← one synchronous step of network b from State.</summary>
    private static void Step(BinaryRecallShape s, BinaryRecallBuffers v, int thread, int b)
    {
        int n = s.Visible, m = s.Hidden, stride = s.Threads;
        if (s.HiddenLayer == 0)
        {
            for (int j = 0; j < n; j++)
            {
                double field = v.VisibleBias[b * n + j];
                int row = (b * n + j) * n;
                for (int k = 0; k < n; k++)
                    field += v.First[row + k] * v.State[k * stride + thread];
                v.Next[j * stride + thread] = field >= 0 ? 1 : -1;
            }
            return;
        }
        double low = s.ZeroOne != 0 ? 0.0 : -1.0;
        for (int i = 0; i < m; i++)
        {
            double field = v.HiddenBias[b * m + i];
            int row = (b * m + i) * n;
            for (int k = 0; k < n; k++)
                field += v.First[row + k] * v.State[k * stride + thread];
            v.Scratch[i * stride + thread] = field >= 0 ? 1.0 : low;
        }
        for (int j = 0; j < n; j++)
        {
            double field = v.VisibleBias[b * n + j];
            int row = (b * n + j) * m;
            for (int i = 0; i < m; i++)
                field += v.Second[row + i] * v.Scratch[i * stride + thread];
            v.Next[j * stride + thread] = field >= 0 ? 1 : -1;
        }
    }
}
