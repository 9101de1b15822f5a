using System.Numerics.Tensors;

namespace FastAttractors.Training;

/// <summary>
/// The fast path of <see cref="ReferenceRnnGradient"/>: the same forward pass and discrete adjoint in float32, with the
/// minibatch's work as matrix products written row by row with <see cref="TensorPrimitives"/> (SIMD dot products and
/// multiply–adds). Sequences run in parallel in the forward and backward recursions (each writes only its own rows of
/// H and Δ); the parameter gradients ∂L/∂W = Σ_{t,s} δ_{t,s} h_{t−1,s}ᵀ etc. run in parallel over blocks of rows of W,
/// each summed over (t, s) in one fixed order (small batches run serially). Every number is therefore the same for any thread count. Losses are
/// evaluated in float64 (<see cref="ReadoutLoss"/>). Reuse one instance for one shape; it keeps its buffers.
/// </summary>
/// <param name="shape">The network shape this instance computes for.</param>
/// <param name="threads">Worker threads (0 or less: all cores); results do not depend on it.</param>
public sealed class BatchedRnnGradient(RnnShape shape, int threads = 0)
{
    private const int RowBlock = 8;
    private const long SerialWork = 1 << 18;
    private readonly ParallelOptions parallel = new() { MaxDegreeOfParallelism = threads > 0 ? threads : -1 };
    private float[] theta = new float[shape.Count];
    private readonly float[] wT = new float[shape.Hidden * shape.Hidden];
    private readonly float[] uT = new float[shape.Inputs * shape.Hidden];
    private float[] h = [], delta = [], g = [];
    private double[] sampleLoss = [];
    private int[] sampleCorrect = [];

    /// <summary>The shape this instance computes for; parameters of another shape are rejected.</summary>
    public RnnShape Shape { get; } = shape;

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
        Ensure(ref h, (long)steps * size * n);
        Ensure(ref g, (long)steps * size * Shape.Outputs);
        if (sampleLoss.Length < size)
        {
            sampleLoss = new double[size];
            sampleCorrect = new int[size];
        }
        int scored = batch.ScoredCount;
        double scale = scored == 0 ? 0 : 1.0 / scored;
        // Small batches run on this thread: thread-pool hand-offs would cost more than the arithmetic.
        bool serial = threads == 1 || (long)steps * size * n * n < SerialWork;
        For(serial, size, n, (s, work) => Forward(batch, s, scale, work));
        double sum = 0;
        int correct = 0;
        for (int s = 0; s < size; s++)
        {
            sum += sampleLoss[s];
            correct += sampleCorrect[s];
        }
        if (gradient is not null)
        {
            Ensure(ref delta, (long)steps * size * n);
            For(serial, size, n, (s, work) => Backward(batch, s, work));
            ParameterGradients(batch, gradient, serial);
        }
        return new BatchLoss(sum, scored, correct);
    }

    private void For(bool serial, int count, int n, Action<int, float[]> body)
    {
        if (serial)
        {
            var work = new float[2 * n];
            for (int i = 0; i < count; i++)
                body(i, work);
        }
        else
            Parallel.For(0, count, parallel, () => new float[2 * n], (i, _, work) => { body(i, work); return work; }, _ => { });
    }

    private void Load(RnnParameters parameters)
    {
        int n = Shape.Hidden, m = Shape.Inputs;
        if (theta.Length != Shape.Count)
            theta = new float[Shape.Count];
        for (int p = 0; p < theta.Length; p++)
            theta[p] = (float)parameters.Values[p];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                wT[j * n + i] = theta[Shape.WOffset + i * n + j];
            for (int j = 0; j < m; j++)
                uT[j * n + i] = theta[Shape.UOffset + i * m + j];
        }
    }

    private static void Ensure(ref float[] buffer, long length)
    {
        if (buffer.LongLength < length)
            buffer = new float[length];
    }

    private Span<float> Row(float[] buffer, int t, int s, int size, int width) => buffer.AsSpan((t * size + s) * width, width);

    private void Forward(TaskBatch batch, int s, double scale, float[] work)
    {
        int n = Shape.Hidden, m = Shape.Inputs, o = Shape.Outputs, size = batch.Size;
        var pre = work.AsSpan(0, n);
        ReadOnlySpan<float> w = theta.AsSpan(Shape.WOffset, n * n), c = theta.AsSpan(Shape.COffset, o * n);
        Span<double> y = stackalloc double[o];
        Span<double> dy = stackalloc double[o];
        double loss = 0;
        int correct = 0;
        for (int t = 0; t < batch.Steps; t++)
        {
            theta.AsSpan(Shape.BOffset, n).CopyTo(pre);
            if (t > 0)
            {
                ReadOnlySpan<float> previous = Row(h, t - 1, s, size, n);
                for (int i = 0; i < n; i++)
                    pre[i] += TensorPrimitives.Dot(w.Slice(i * n, n), previous);
            }
            for (int j = 0; j < m; j++)
            {
                float x = batch.Input(t, s, j);
                if (x != 0)
                    TensorPrimitives.MultiplyAdd(uT.AsSpan(j * n, n), x, pre, pre);
            }
            var state = Row(h, t, s, size, n);
            TensorPrimitives.Tanh(pre, state);
            var gradY = Row(g, t, s, size, o);
            if (!batch.Scored[t * size + s])
            {
                gradY.Clear();
                continue;
            }
            for (int k = 0; k < o; k++)
                y[k] = theta[Shape.DOffset + k] + (double)TensorPrimitives.Dot(c.Slice(k * n, n), state);
            var (l, right) = ReadoutLoss.Evaluate(batch, t, s, y, dy);
            loss += l;
            correct += right ? 1 : 0;
            for (int k = 0; k < o; k++)
                gradY[k] = (float)(dy[k] * scale);
        }
        sampleLoss[s] = loss;
        sampleCorrect[s] = correct;
    }

    private void Backward(TaskBatch batch, int s, float[] work)
    {
        int n = Shape.Hidden, o = Shape.Outputs, size = batch.Size;
        var a = work.AsSpan(0, n);
        var gain = work.AsSpan(n, n);
        ReadOnlySpan<float> c = theta.AsSpan(Shape.COffset, o * n);
        a.Clear();
        for (int t = batch.Steps - 1; t >= 0; t--)
        {
            ReadOnlySpan<float> gradY = Row(g, t, s, size, o);
            for (int k = 0; k < o; k++)
            {
                if (gradY[k] != 0)
                    TensorPrimitives.MultiplyAdd(c.Slice(k * n, n), gradY[k], a, a);
            }
            // δ_t = a_t ⊙ (1 − h_t²), then a_{t−1} = Wᵀ δ_t (rows of Wᵀ are columns of W).
            ReadOnlySpan<float> state = Row(h, t, s, size, n);
            var d = Row(delta, t, s, size, n);
            TensorPrimitives.Multiply(state, state, gain);
            TensorPrimitives.Subtract(1f, gain, gain);
            TensorPrimitives.Multiply(a, gain, d);
            for (int j = 0; j < n; j++)
                a[j] = TensorPrimitives.Dot(wT.AsSpan(j * n, n), d);
        }
    }

    private void ParameterGradients(TaskBatch batch, double[] gradient, bool serial)
    {
        int n = Shape.Hidden, m = Shape.Inputs, o = Shape.Outputs, size = batch.Size, steps = batch.Steps;
        int blocks = (n + RowBlock - 1) / RowBlock;
        // Blocks of rows of W, U, b, then one task per readout row of C, d; each sums over (t, s) in the same order.
        For(serial, blocks + o, 0, (task, _) =>
        {
            if (task < blocks)
                RecurrentRows(batch, gradient, task * RowBlock, Math.Min(n, (task + 1) * RowBlock));
            else
                ReadoutRow(batch, gradient, task - blocks);
        });

        void RecurrentRows(TaskBatch batch, double[] gradient, int first, int end)
        {
            int rows = end - first;
            var dw = new float[rows * n];
            var du = new float[rows * m];
            var db = new double[rows];
            for (int t = 0; t < steps; t++)
            {
                for (int s = 0; s < size; s++)
                {
                    ReadOnlySpan<float> d = Row(delta, t, s, size, n);
                    ReadOnlySpan<float> previous = t > 0 ? Row(h, t - 1, s, size, n) : default;
                    ReadOnlySpan<float> x = batch.Inputs.AsSpan((t * size + s) * m, m);
                    for (int r = 0; r < rows; r++)
                    {
                        float di = d[first + r];
                        if (di == 0)
                            continue;
                        db[r] += di;
                        if (t > 0)
                            TensorPrimitives.MultiplyAdd(previous, di, dw.AsSpan(r * n, n), dw.AsSpan(r * n, n));
                        for (int j = 0; j < m; j++)
                            du[r * m + j] += di * x[j];
                    }
                }
            }
            for (int r = 0; r < rows; r++)
            {
                int i = first + r;
                gradient[Shape.BOffset + i] = db[r];
                for (int j = 0; j < n; j++)
                    gradient[Shape.WOffset + i * n + j] = dw[r * n + j];
                for (int j = 0; j < m; j++)
                    gradient[Shape.UOffset + i * m + j] = du[r * m + j];
            }
        }

        void ReadoutRow(TaskBatch batch, double[] gradient, int k)
        {
            var dc = new float[n];
            double dd = 0;
            for (int t = 0; t < steps; t++)
            {
                for (int s = 0; s < size; s++)
                {
                    float gk = g[(t * size + s) * o + k];
                    if (gk == 0)
                        continue;
                    dd += gk;
                    TensorPrimitives.MultiplyAdd(Row(h, t, s, size, n), gk, dc, dc);
                }
            }
            gradient[Shape.DOffset + k] = dd;
            for (int j = 0; j < n; j++)
                gradient[Shape.COffset + k * n + j] = dc[j];
        }
    }
}
