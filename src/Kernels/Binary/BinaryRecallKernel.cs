using FastAttractors.Kernels.Numerics;
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

    /// <summary>
    /// Trials per network, N visible units, M hidden units (0 for a visible-only network), T patterns per sequence,
    /// transitions (the patterns with a successor), and the most steps the reach criterion searches for a stored
    /// pattern.
    /// </summary>
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
    /// <summary>Float64 weights and biases (see the type's remarks) and the per-thread hidden-code scratch.</summary>
    public readonly ArrayView<double> First = first, Second = second, HiddenBias = hiddenBias, VisibleBias = visibleBias, Scratch = scratch;
    /// <summary>
    /// The ±1 patterns, the per-thread state and next state, and the per-thread result (1 recalled, 0 not).
    /// </summary>
    public readonly ArrayView<int> Patterns = patterns, State = state, Next = next, Success = success;
}

/// <summary>
/// Recall of hidden (HiddenUV, HiddenVOnly) and visible perceptron networks, one thread per (network, trial): the
/// synchronous map ζ = code(sgn(Uξ + b_U)), ξ' = sgn(Vζ + b_V) or ξ' = sgn(Wξ + b), sgn(0) = +1, with every sum in
/// index order (the Reference's NetworkStep), then the criterion of RecallCriterion, as ReferenceBinary.Recall.
/// <see cref="Run"/> steps in float64 (<see cref="RecallStep{T}"/> over <see cref="Real64"/>); <see cref="RunFloat32"/>
/// in float32 (over <see cref="Real32"/>), the GPU-throughput variant.
/// </summary>
public static class BinaryRecallKernel
{
    /// <summary>Kernel entry: one recall trial per thread in float64; writes Success[thread].</summary>
    public static void Run(Index1D index, BinaryRecallShape s, BinaryRecallBuffers v) =>
        Recall(index, s, v.Patterns, v.State, v.Next, v.Success,
            new RecallStep<Real64>(v.First.Cast<Real64>(), v.Second.Cast<Real64>(), v.HiddenBias.Cast<Real64>(),
                v.VisibleBias.Cast<Real64>(), v.Scratch.Cast<Real64>()));

    /// <summary>
    /// Kernel entry: one recall trial per thread with the float32 step <paramref name="step"/>; writes
    /// states.Success[thread].
    /// </summary>
    public static void RunFloat32(Index1D index, BinaryRecallShape s, BinaryRecallStates states, RecallStep<Real32> step) =>
        Recall(index, s, states.Patterns, states.State, states.Next, states.Success, step);

    private static void Recall<TStep>(Index1D index, BinaryRecallShape s, ArrayView<int> patterns, ArrayView<int> state, ArrayView<int> next,
        ArrayView<int> success, TStep step)
        where TStep : struct, IRecallStep
    {
        int thread = index;
        if (thread >= s.Threads)
            return;
        int b = (s.FirstThread + thread) / s.Trials;
        var trial = new Trial<TStep>(s, patterns, state, next, step, thread, b);
        bool ok = s.ReachesSequence != 0 ? trial.Reaches() : trial.FollowsFrom(0);
        success[thread] = ok ? 1 : 0;
    }

    /// <summary>The two criteria for one thread's trial over any step arithmetic.</summary>
    private readonly struct Trial<TStep>(BinaryRecallShape s, ArrayView<int> patterns, ArrayView<int> state, ArrayView<int> next, TStep step, int thread, int b)
        where TStep : struct, IRecallStep
    {
        public bool FollowsFrom(int tau)
        {
            int steps = s.Periodic != 0 ? s.Length : s.Length - 1 - tau;
            for (int k = 0; k < steps; k++)
            {
                step.Step(s, state, next, thread, b);
                tau = tau + 1 < s.Length ? tau + 1 : 0;
                if (!EqualsPattern(next, tau))
                    return false;
                Copy();
            }
            return true;
        }

        public bool Reaches()
        {
            for (int k = 0; k <= s.SearchSteps; k++)
            {
                // The first stored pattern (with a successor) equal to the state, as the Reference's index finds it.
                for (int t = 0; t < s.Transitions; t++)
                    if (EqualsPattern(state, t))
                        return FollowsFrom(t);
                step.Step(s, state, next, thread, b);
                Copy();
            }
            return false;
        }

        private bool EqualsPattern(ArrayView<int> x, int t)
        {
            int offset = (b * s.Length + t) * s.Visible;
            for (int k = 0; k < s.Visible; k++)
                if (x[k * s.Threads + thread] != patterns[offset + k])
                    return false;
            return true;
        }

        private void Copy()
        {
            for (int k = 0; k < s.Visible; k++)
                state[k * s.Threads + thread] = next[k * s.Threads + thread];
        }
    }
}
