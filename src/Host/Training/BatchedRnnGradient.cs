using System.Numerics;
using FastAttractors.Simd;

namespace FastAttractors.Training;

/// <summary>
/// The fast path of <see cref="ReferenceRnnGradient"/>: the same forward pass and discrete adjoint in float32, with the
/// trials of the minibatch stepped together. Each step is one matrix product over the whole block of trials,
/// H_t = tanh(W H_{t−1} + U X_t + b) and A_{t−1} = Wᵀ Δ_t, and each of ∂L/∂W = Σ_{t,s} δ_{t,s} h_{t−1,s}ᵀ, ∂L/∂U,
/// ∂L/∂b, ∂L/∂C is one product over all (t, s); all of them run through one register-blocked SIMD kernel, because a
/// trial at a time is a matrix–vector product whose short dot products cost more in call overhead than in arithmetic.
/// With several threads the trials are split into blocks that recurse independently and the parameter gradients into
/// blocks of rows; every number is summed in the same order whatever the split, so results are the same for any
/// thread count. Losses are evaluated in float64 (<see cref="ReadoutLoss"/>). Reuse one instance for one shape; it
/// keeps its buffers.
/// <para>The continuous-time network (<see cref="RnnDynamics.Continuous"/>) runs through the same products: its step
/// h_t = (1 − α) h_{t−1} + α (W r_{t−1} + U x_t + b) with rates r = tanh(h) needs W r_{t−1}, the product the discrete
/// step takes of its states, so the state buffer holds the rates r_t and one more vector per trial holds h_t. Its
/// adjoint a_t = ∂L/∂h_t = (1 − r_t²) ⊙ (Cᵀ g_t + Wᵀ δ_{t+1}) + (1 − α) a_{t+1} with δ_t = α a_t takes the same
/// products of δ, and the parameter gradients are the discrete ones with r in place of h.</para>
/// </summary>
/// <param name="shape">The network shape this instance computes for.</param>
/// <param name="threads">Worker threads (0 or less: all cores); results do not depend on it.</param>
/// <param name="dynamics">The recurrence (null: <see cref="RnnDynamics.Discrete"/>).</param>
public sealed class BatchedRnnGradient(RnnShape shape, int threads = 0, RnnDynamics? dynamics = null)
{
    private const long SerialWork = 1 << 18;
    private static readonly float[] One = [1f];
    private readonly ParallelOptions parallel = new() { MaxDegreeOfParallelism = threads > 0 ? threads : -1 };
    // Hidden vectors are padded with zeros to whole SIMD vectors (np), so the kernel needs no tail code; zero padding in
    // W, U, b and C keeps the padded state entries at tanh(0) = 0 and their adjoints at 0 through both recursions.
    private readonly int np = Pad(shape.Hidden);
    private float[] theta = new float[shape.Count];
    private readonly float[] wColumns = new float[shape.Hidden * Pad(shape.Hidden)];  // [k·np + i] = W[i, k]
    private readonly float[] wRows = new float[shape.Hidden * Pad(shape.Hidden)];     // [i·np + j] = W[i, j]
    private readonly float[] uColumns = new float[shape.Inputs * Pad(shape.Hidden)];  // [j·np + i] = U[i, j]
    private readonly float[] bias = new float[Pad(shape.Hidden)];
    private readonly float[] cRows = new float[shape.Outputs * Pad(shape.Hidden)];    // [k·np + j] = C[k, j]
    private readonly float[] cColumns = new float[shape.Hidden * Pad(shape.Outputs)];  // [j·op + k] = C[k, j]
    private readonly int op = Pad(shape.Outputs);
    private readonly float[] dW = new float[shape.Hidden * Pad(shape.Hidden)];        // [i·np + j] = ∂L/∂W[i, j]
    private readonly float[] dU = new float[shape.Inputs * Pad(shape.Hidden)];        // [j·np + i] = ∂L/∂U[i, j]
    private readonly float[] dB = new float[Pad(shape.Hidden)];
    private readonly float[] dC = new float[shape.Outputs * Pad(shape.Hidden)];       // [k·np + j] = ∂L/∂C[k, j]
    // h: the states (discrete) or the rates tanh(h) (continuous), per step; state and carry: the continuous network's
    // current h_t and ∂L/∂h_{t+1}, one vector per trial.
    private float[] h = [], delta = [], adjoint = [], g = [], readout = [], state = [], carry = [];
    private double[] sampleLoss = [];
    private int[] sampleCorrect = [];

    /// <summary>The shape this instance computes for; parameters of another shape are rejected.</summary>
    public RnnShape Shape { get; } = shape;

    /// <summary>The recurrence this instance computes for.</summary>
    public RnnDynamics Dynamics { get; } = dynamics ?? RnnDynamics.Discrete;

    private static int Pad(int n) => (n + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>The minibatch loss and, when <paramref name="gradient"/> is given, its gradient (float32 arithmetic, float64 loss).</summary>
    /// <param name="gradient">null for the loss only; else receives ∂L/∂θ (layout of <see cref="RnnShape"/>).</param>
    public BatchLoss Compute(RnnParameters parameters, TaskBatch batch, double[]? gradient)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(batch);
        if (parameters.Shape != Shape)
            throw new ArgumentException($"parameters: shape {parameters.Shape} differs from this instance's {Shape}.", nameof(parameters));
        RnnBatchChecks.Check(Shape, batch, gradient);
        Load(parameters);
        int n = Shape.Hidden, steps = batch.Steps, size = batch.Size;
        Ensure(ref h, (long)steps * size * np);
        Ensure(ref g, (long)steps * size * Shape.Outputs);
        Ensure(ref readout, (long)size * op);
        if (Dynamics.IsContinuous)
            Ensure(ref state, (long)size * np);
        if (sampleLoss.Length < size)
        {
            sampleLoss = new double[size];
            sampleCorrect = new int[size];
        }
        int scored = batch.ScoredCount;
        double scale = scored == 0 ? 0 : 1.0 / scored;
        // Small batches run on this thread: thread-pool hand-offs would cost more than the arithmetic.
        bool serial = threads == 1 || (long)steps * size * n * n < SerialWork;
        var blocks = TrialBlocks(serial, size);
        For(serial, blocks.Length, b => Forward(batch, blocks[b].First, blocks[b].End, scale));
        double sum = 0;
        int correct = 0;
        for (int s = 0; s < size; s++)
        {
            sum += sampleLoss[s];
            correct += sampleCorrect[s];
        }
        if (gradient is not null)
        {
            Ensure(ref delta, (long)steps * size * np);
            Ensure(ref adjoint, (long)size * np);
            if (Dynamics.IsContinuous)
                Ensure(ref carry, (long)size * np);
            For(serial, blocks.Length, b => Backward(batch, blocks[b].First, blocks[b].End));
            ParameterGradients(batch, gradient, serial);
        }
        return new BatchLoss(sum, scored, correct);
    }

    /// <summary>Trials split into one block per thread (a multiple of the kernel's 6 columns where possible).</summary>
    private (int First, int End)[] TrialBlocks(bool serial, int size)
    {
        int count = serial ? 1 : Math.Min(size, threads > 0 ? threads : Environment.ProcessorCount);
        int per = (size + count - 1) / count;
        per = Math.Min(size, (per + 5) / 6 * 6);
        var blocks = new List<(int, int)>();
        for (int s = 0; s < size; s += per)
            blocks.Add((s, Math.Min(size, s + per)));
        return blocks.ToArray();
    }

    private void For(bool serial, int count, Action<int> body)
    {
        if (serial || count == 1)
        {
            for (int i = 0; i < count; i++)
                body(i);
        }
        else
            Parallel.For(0, count, parallel, body);
    }

    private void Load(RnnParameters parameters)
    {
        int n = Shape.Hidden, m = Shape.Inputs, o = Shape.Outputs;
        if (theta.Length != Shape.Count)
            theta = new float[Shape.Count];
        for (int p = 0; p < theta.Length; p++)
            theta[p] = (float)parameters.Values[p];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float value = theta[Shape.WOffset + i * n + j];
                wColumns[j * np + i] = value;
                wRows[i * np + j] = value;
            }
            for (int j = 0; j < m; j++)
                uColumns[j * np + i] = theta[Shape.UOffset + i * m + j];
            bias[i] = theta[Shape.BOffset + i];
        }
        for (int k = 0; k < o; k++)
        {
            theta.AsSpan(Shape.COffset + k * n, n).CopyTo(cRows.AsSpan(k * np, n));
            for (int j = 0; j < n; j++)
                cColumns[j * op + k] = theta[Shape.COffset + k * n + j];
        }
    }

    private static void Ensure(ref float[] buffer, long length)
    {
        if (buffer.LongLength < length)
            buffer = new float[length];
    }

    /// <summary>Trials [first, end) through all steps: one product per step for the block, then bias, inputs, tanh and the readout per trial.</summary>
    private void Forward(TaskBatch batch, int first, int end, double scale)
    {
        int n = Shape.Hidden, m = Shape.Inputs, o = Shape.Outputs, size = batch.Size, width = end - first;
        var yBlock = readout.AsSpan(first * op, width * op);
        Span<double> y = stackalloc double[o];
        Span<double> dy = stackalloc double[o];
        for (int s = first; s < end; s++)
        {
            sampleLoss[s] = 0;
            sampleCorrect[s] = 0;
        }
        if (Dynamics.IsContinuous)
            state.AsSpan(first * np, width * np).Clear();
        for (int t = 0; t < batch.Steps; t++)
        {
            var block = h.AsSpan((t * size + first) * np, width * np);
            if (t > 0)
                TrialBlockProduct.Multiply(wColumns, np, h.AsSpan(((t - 1) * size + first) * np), 1, np, block, np, np, width, n, accumulate: false);
            else
                block.Clear();
            for (int s = first; s < end; s++)
            {
                var pre = block.Slice((s - first) * np, np);
                for (int j = 0; j < m; j++)
                {
                    float x = batch.Input(t, s, j);
                    if (x != 0)
                        MultiplyAdd(uColumns.AsSpan(j * np, np), x, pre);
                }
                if (Dynamics.IsContinuous)
                    EulerStep(pre, state.AsSpan(s * np, np));
                else
                    BiasTanh(pre);
            }
            // C h for the whole block (outputs padded to a vector), then d and the loss in float64 per trial.
            TrialBlockProduct.Multiply(cColumns, op, block, 1, np, yBlock, op, op, width, n, accumulate: false);
            for (int s = first; s < end; s++)
            {
                var gradY = g.AsSpan((t * size + s) * o, o);
                if (!batch.Scored[t * size + s])
                {
                    gradY.Clear();
                    continue;
                }
                for (int k = 0; k < o; k++)
                    y[k] = theta[Shape.DOffset + k] + (double)yBlock[(s - first) * op + k];
                var (l, right) = ReadoutLoss.Evaluate(batch, t, s, y, dy);
                sampleLoss[s] += l;
                sampleCorrect[s] += right ? 1 : 0;
                for (int k = 0; k < o; k++)
                    gradY[k] = (float)(dy[k] * scale);
            }
        }
    }

    /// <summary>The adjoint of trials [first, end) backwards through all steps: a_t = Cᵀ g_t + Wᵀ δ_{t+1}, δ_t = a_t ⊙ (1 − h_t²).</summary>
    private void Backward(TaskBatch batch, int first, int end)
    {
        int n = Shape.Hidden, o = Shape.Outputs, size = batch.Size, width = end - first;
        var a = adjoint.AsSpan(first * np, width * np);
        a.Clear();
        var next = Dynamics.IsContinuous ? carry.AsSpan(first * np, width * np) : default;
        next.Clear();
        for (int t = batch.Steps - 1; t >= 0; t--)
        {
            // a_t += Cᵀ g_t for the block: a product of depth o that adds to the Wᵀ δ_{t+1} already there.
            TrialBlockProduct.Multiply(cRows, np, g.AsSpan((t * size + first) * o), 1, o, a, np, np, width, o, accumulate: true);
            if (Dynamics.IsContinuous)
                LeakyGain(a, h.AsSpan((t * size + first) * np, width * np), next, delta.AsSpan((t * size + first) * np, width * np));
            else
                Gain(a, h.AsSpan((t * size + first) * np, width * np), delta.AsSpan((t * size + first) * np, width * np));
            if (t > 0)
                TrialBlockProduct.Multiply(wRows, np, delta.AsSpan((t * size + first) * np), 1, np, a, np, np, width, n, accumulate: false);
        }
    }

    private void ParameterGradients(TaskBatch batch, double[] gradient, bool serial)
    {
        int n = Shape.Hidden, m = Shape.Inputs, o = Shape.Outputs, size = batch.Size, steps = batch.Steps;
        int all = steps * size;
        // Rows of ∂L/∂W in blocks (one product over all (t ≥ 1, s) each), then U with b, then C; each entry is summed
        // over (t, s) in the same order whichever task computes it.
        const int RowBlock = 12;
        int blocks = serial ? 1 : (n + RowBlock - 1) / RowBlock;
        int per = serial ? n : RowBlock;
        For(serial, blocks + 2, task =>
        {
            if (task < blocks)
            {
                int first = task * per, rows = Math.Min(n, first + per) - first;
                // ∂L/∂W[i, ·] = Σ_p δ_{p+B}[i] h_p: A = the states h_0..h_{T−2}, X = δ_1..δ_{T−1} read along the state.
                if (steps > 1)
                    TrialBlockProduct.Multiply(h, np, delta.AsSpan(size * np + first), np, 1, dW.AsSpan(first * np), np, np, rows, (steps - 1) * size, accumulate: false);
                else
                    dW.AsSpan(first * np, rows * np).Clear();
            }
            else if (task == blocks)
            {
                TrialBlockProduct.Multiply(delta, np, batch.Inputs, m, 1, dU, np, np, m, all, accumulate: false);
                TrialBlockProduct.Multiply(delta, np, One, 0, 0, dB, np, np, 1, all, accumulate: false);
            }
            else
                TrialBlockProduct.Multiply(h, np, g, o, 1, dC, np, np, o, all, accumulate: false);
        });
        for (int i = 0; i < n; i++)
        {
            gradient[Shape.BOffset + i] = dB[i];
            for (int j = 0; j < n; j++)
                gradient[Shape.WOffset + i * n + j] = dW[i * np + j];
            for (int j = 0; j < m; j++)
                gradient[Shape.UOffset + i * m + j] = dU[j * np + i];
        }
        for (int k = 0; k < o; k++)
        {
            double dd = 0;
            for (int p = 0; p < all; p++)
                dd += g[p * o + k];
            gradient[Shape.DOffset + k] = dd;
            for (int j = 0; j < n; j++)
                gradient[Shape.COffset + k * n + j] = dC[k * np + j];
        }
    }

    /// <summary>
    /// h = tanh(pre + b) in place, with the rational float32 tanh (≤ 2.5e-7 from tanh): the span tanh of
    /// TensorPrimitives cost as much as the whole forward product per step.
    /// </summary>
    private void BiasTanh(Span<float> pre)
    {
        ReadOnlySpan<float> b = bias;
        for (int i = 0; i < pre.Length; i += Vector<float>.Count)
            RationalTanh.Evaluate(new Vector<float>(pre[i..]) + new Vector<float>(b[i..])).CopyTo(pre[i..]);
    }

    /// <summary>
    /// One Euler step of the continuous network: h ← (1 − α) h + α (pre + b), where pre = W r_{t−1} + U x_t, then
    /// pre ← tanh(h), the rates the readout and the next step's product read.
    /// </summary>
    private void EulerStep(Span<float> pre, Span<float> hidden)
    {
        ReadOnlySpan<float> b = bias;
        var alpha = new Vector<float>((float)Dynamics.Alpha);
        var keep = new Vector<float>((float)(1 - Dynamics.Alpha));
        for (int i = 0; i < pre.Length; i += Vector<float>.Count)
        {
            var updated = Vector.FusedMultiplyAdd(alpha, new Vector<float>(pre[i..]) + new Vector<float>(b[i..]), keep * new Vector<float>(hidden[i..]));
            updated.CopyTo(hidden[i..]);
            RationalTanh.Evaluate(updated).CopyTo(pre[i..]);
        }
    }

    /// <summary>The continuous adjoint step: with e = Cᵀ g_t + Wᵀ δ_{t+1} in <paramref name="e"/> and a_{t+1} in
    /// <paramref name="next"/>, a_t = e ⊙ (1 − r_t²) + (1 − α) a_{t+1} replaces a_{t+1} and δ_t = α a_t.</summary>
    private void LeakyGain(ReadOnlySpan<float> e, ReadOnlySpan<float> rates, Span<float> next, Span<float> d)
    {
        var one = Vector<float>.One;
        var alpha = new Vector<float>((float)Dynamics.Alpha);
        var keep = new Vector<float>((float)(1 - Dynamics.Alpha));
        for (int i = 0; i < d.Length; i += Vector<float>.Count)
        {
            var r = new Vector<float>(rates[i..]);
            var at = Vector.FusedMultiplyAdd(new Vector<float>(e[i..]), one - r * r, keep * new Vector<float>(next[i..]));
            at.CopyTo(next[i..]);
            (alpha * at).CopyTo(d[i..]);
        }
    }

    private static void MultiplyAdd(ReadOnlySpan<float> x, float scalar, Span<float> y)
    {
        var v = new Vector<float>(scalar);
        for (int i = 0; i < y.Length; i += Vector<float>.Count)
            Vector.FusedMultiplyAdd(new Vector<float>(x[i..]), v, new Vector<float>(y[i..])).CopyTo(y[i..]);
    }

    /// <summary>δ = a ⊙ (1 − h²).</summary>
    private static void Gain(ReadOnlySpan<float> a, ReadOnlySpan<float> state, Span<float> d)
    {
        var one = Vector<float>.One;
        for (int i = 0; i < d.Length; i += Vector<float>.Count)
        {
            var hv = new Vector<float>(state[i..]);
            (new Vector<float>(a[i..]) * (one - hv * hv)).CopyTo(d[i..]);
        }
    }
}
