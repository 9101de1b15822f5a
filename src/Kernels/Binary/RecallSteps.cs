using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Binary;

/// <summary>One synchronous step Next ← F(State) of network b for one recall thread (SoA states, k·Threads + thread).</summary>
public interface IRecallStep
{
    /// <summary>
    /// Writes F(state) of network <paramref name="b"/> to <paramref name="next"/> for recall thread
    /// <paramref name="thread"/> (SoA, k·Threads + thread).
    /// </summary>
    void Step(BinaryRecallShape s, ArrayView<int> state, ArrayView<int> next, int thread, int b);
}

/// <summary>The per-thread views of a recall launch that do not depend on the arithmetic (see <see cref="BinaryRecallBuffers"/>).</summary>
public readonly struct BinaryRecallStates(ArrayView<int> patterns, ArrayView<int> state, ArrayView<int> next, ArrayView<int> success)
{
    /// <summary>
    /// The ±1 patterns, the per-thread state and next state, and the per-thread result (1 recalled, 0 not).
    /// </summary>
    public readonly ArrayView<int> Patterns = patterns, State = state, Next = next, Success = success;
}

/// <summary>
/// The step in <typeparamref name="T"/>, sums in index order. <see cref="Real64"/>: equal to the Reference's NetworkStep
/// wherever float64 is IEEE without contraction. <see cref="Real32"/> (weights rounded once to float32 on the host):
/// half the memory traffic and the GPU's full-rate arithmetic; exact, hence equal to the float64 step, wherever every
/// weight and partial sum is representable in float32 (the dyadic grid with |w|/η &lt; 2²⁴), and elsewhere a field
/// within float32 rounding of 0 may take the other sign. States are ±1 (0/1 codes), so lifting them into T is exact.
/// </summary>
public readonly struct RecallStep<T>(ArrayView<T> first, ArrayView<T> second, ArrayView<T> hiddenBias,
    ArrayView<T> visibleBias, ArrayView<T> scratch) : IRecallStep
    where T : unmanaged, IReal<T>
{
    /// <summary>
    /// Weights and biases of every network (network-major, row-major) and the per-thread hidden-code scratch.
    /// </summary>
    public readonly ArrayView<T> First = first, Second = second, HiddenBias = hiddenBias, VisibleBias = visibleBias, Scratch = scratch;

    /// <inheritdoc/>
    public void Step(BinaryRecallShape s, ArrayView<int> state, ArrayView<int> next, int thread, int b)
    {
        int n = s.Visible, m = s.Hidden, stride = s.Threads;
        if (s.HiddenLayer == 0)
        {
            for (int j = 0; j < n; j++)
            {
                var field = VisibleBias[b * n + j];
                int row = (b * n + j) * n;
                for (int k = 0; k < n; k++)
                    field += First[row + k] * T.FromDouble(state[k * stride + thread]);
                next[j * stride + thread] = field.ToDouble() >= 0 ? 1 : -1;
            }
            return;
        }
        var one = T.FromDouble(1.0);
        var low = T.FromDouble(s.ZeroOne != 0 ? 0.0 : -1.0);
        for (int i = 0; i < m; i++)
        {
            var field = HiddenBias[b * m + i];
            int row = (b * m + i) * n;
            for (int k = 0; k < n; k++)
                field += First[row + k] * T.FromDouble(state[k * stride + thread]);
            Scratch[i * stride + thread] = field.ToDouble() >= 0 ? one : low;
        }
        for (int j = 0; j < n; j++)
        {
            var field = VisibleBias[b * n + j];
            int row = (b * n + j) * m;
            for (int i = 0; i < m; i++)
                field += Second[row + i] * Scratch[i * stride + thread];
            next[j * stride + thread] = field.ToDouble() >= 0 ? 1 : -1;
        }
    }
}
