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

/// <summary>The step in float64, sums in index order: equal to the Reference's NetworkStep wherever float64 is IEEE without contraction.</summary>
public readonly struct Float64RecallStep(ArrayView<double> first, ArrayView<double> second, ArrayView<double> hiddenBias,
    ArrayView<double> visibleBias, ArrayView<double> scratch) : IRecallStep
{
    /// <summary>
    /// Float64 weights and biases of every network (network-major, row-major) and the per-thread hidden-code scratch.
    /// </summary>
    public readonly ArrayView<double> First = first, Second = second, HiddenBias = hiddenBias, VisibleBias = visibleBias, Scratch = scratch;

    /// <inheritdoc/>
    public void Step(BinaryRecallShape s, ArrayView<int> state, ArrayView<int> next, int thread, int b)
    {
        int n = s.Visible, m = s.Hidden, stride = s.Threads;
        if (s.HiddenLayer == 0)
        {
            for (int j = 0; j < n; j++)
            {
                double field = VisibleBias[b * n + j];
                int row = (b * n + j) * n;
                for (int k = 0; k < n; k++)
                    field += First[row + k] * state[k * stride + thread];
                next[j * stride + thread] = field >= 0 ? 1 : -1;
            }
            return;
        }
        double low = s.ZeroOne != 0 ? 0.0 : -1.0;
        for (int i = 0; i < m; i++)
        {
            double field = HiddenBias[b * m + i];
            int row = (b * m + i) * n;
            for (int k = 0; k < n; k++)
                field += First[row + k] * state[k * stride + thread];
            Scratch[i * stride + thread] = field >= 0 ? 1.0 : low;
        }
        for (int j = 0; j < n; j++)
        {
            double field = VisibleBias[b * n + j];
            int row = (b * n + j) * m;
            for (int i = 0; i < m; i++)
                field += Second[row + i] * Scratch[i * stride + thread];
            next[j * stride + thread] = field >= 0 ? 1 : -1;
        }
    }
}

/// <summary>
/// The step in float32 (weights rounded once to float32 on the host, fields summed in float32 in index order): half the
/// memory traffic and the GPU's full-rate arithmetic. Exact, hence equal to the float64 step, wherever every weight and
/// partial sum is representable in float32 (the dyadic grid with |w|/η &lt; 2²⁴); elsewhere a field within float32
/// rounding of 0 may take the other sign.
/// </summary>
public readonly struct Float32RecallStep(ArrayView<float> first, ArrayView<float> second, ArrayView<float> hiddenBias,
    ArrayView<float> visibleBias, ArrayView<float> scratch) : IRecallStep
{
    /// <summary>
    /// Float32 weights and biases of every network (network-major, row-major) and the per-thread hidden-code scratch.
    /// </summary>
    public readonly ArrayView<float> First = first, Second = second, HiddenBias = hiddenBias, VisibleBias = visibleBias, Scratch = scratch;

    /// <inheritdoc/>
    public void Step(BinaryRecallShape s, ArrayView<int> state, ArrayView<int> next, int thread, int b)
    {
        int n = s.Visible, m = s.Hidden, stride = s.Threads;
        if (s.HiddenLayer == 0)
        {
            for (int j = 0; j < n; j++)
            {
                float field = VisibleBias[b * n + j];
                int row = (b * n + j) * n;
                for (int k = 0; k < n; k++)
                    field += First[row + k] * state[k * stride + thread];
                next[j * stride + thread] = field >= 0 ? 1 : -1;
            }
            return;
        }
        float low = s.ZeroOne != 0 ? 0f : -1f;
        for (int i = 0; i < m; i++)
        {
            float field = HiddenBias[b * m + i];
            int row = (b * m + i) * n;
            for (int k = 0; k < n; k++)
                field += First[row + k] * state[k * stride + thread];
            Scratch[i * stride + thread] = field >= 0 ? 1f : low;
        }
        for (int j = 0; j < n; j++)
        {
            float field = VisibleBias[b * n + j];
            int row = (b * n + j) * m;
            for (int i = 0; i < m; i++)
                field += Second[row + i] * Scratch[i * stride + thread];
            next[j * stride + thread] = field >= 0 ? 1 : -1;
        }
    }
}
