using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The end-of-training margins of the margin rule (docs/explanations/binary-margin-rule.md) recomputed from the final float64 weights with the Reference's arithmetic
/// (<see cref="MarginRule.MinNormalisedMargin"/>, the hidden state of <see cref="NetworkStep"/>): once per network, so a
/// fast path reports exactly the Reference's numbers for equal weights. The rows run along Vector&lt;double&gt; lanes,
/// each lane forming its own field b + w₀x₀ + w₁x₁ + … with a separate multiply and add in index order, exactly as the
/// scalar loop does, so the result is bit for bit the same; a row's norm does not depend on t and is formed once.
/// </summary>
internal sealed class BinaryMargins
{
    private readonly TrainingPlan plan;
    private readonly Layer first;
    private readonly Layer? second;
    private readonly double[] x, y;

    /// <summary>Patterns per pass over the weights.</summary>
    private const int Block = 4;

    /// <summary>Buffers for the plan's layer shapes, reused for network after network (one instance per thread).</summary>
    public BinaryMargins(TrainingPlan plan)
    {
        this.plan = plan;
        int n = plan.N, m = plan.Hidden;
        bool hidden = plan.HasHiddenLayer;
        first = hidden ? new Layer(m, n) : new Layer(n, n);
        second = hidden ? new Layer(n, m) : null;
        x = new double[Block * n];
        y = new double[Block * m];
    }

    /// <summary>(min hidden margin or NaN without a learned hidden layer, min visible margin) of network <paramref name="net"/>.</summary>
    public static (double Hidden, double Visible) Of(TrainingPlan plan, int net, double[] u, double[] v, double[] w, double[] hiddenBias, double[] visibleBias) =>
        new BinaryMargins(plan).Of(net, u, v, w, hiddenBias, visibleBias,
            plan.Options.Variant == NetworkVariant.HiddenUV ? HiddenTargetSigns.Create(plan, net) : []);

    /// <param name="s">The hidden targets of <see cref="HiddenTargetSigns.Create"/> (U and V learned), or empty.</param>
    public (double Hidden, double Visible) Of(int net, double[] u, double[] v, double[] w, double[] hiddenBias, double[] visibleBias, sbyte[] s)
    {
        int n = plan.N, m = plan.Hidden;
        var seq = plan.Sequences;
        bool learnU = plan.Options.Variant == NetworkVariant.HiddenUV;
        bool zeroOne = plan.Options.HiddenCode == HiddenCode.ZeroOne;
        if (second != null)
        {
            first.Load(u.AsSpan(net * m * n, m * n), hiddenBias.AsSpan(net * m, m));
            second.Load(v.AsSpan(net * n * m, n * m), visibleBias.AsSpan(net * n, n));
        }
        else
        {
            first.Load(w.AsSpan(net * n * n, n * n), visibleBias.AsSpan(net * n, n));
        }
        double minHidden = double.PositiveInfinity, minVisible = double.PositiveInfinity;
        // Block patterns at a time: each weight vector loaded serves all of them (the sums per field are unchanged).
        for (int t0 = 0; t0 < plan.Transitions; t0 += Block)
        {
            int count = Math.Min(Block, plan.Transitions - t0);
            for (int q = 0; q < count; q++)
            {
                var pattern = seq.Pattern(net, t0 + q);
                for (int k = 0; k < n; k++)
                    x[q * n + k] = pattern[k];
            }
            first.Fields(x, count);
            for (int q = 0; q < count; q++)
            {
                int t = t0 + q;
                if (second == null)
                {
                    minVisible = Math.Min(minVisible, first.MinMargin(q, seq.Pattern(net, seq.Successor(t))));
                    continue;
                }
                if (learnU)
                    minHidden = Math.Min(minHidden, first.MinMargin(q, s.AsSpan(t * m, m)));
                var f = first.Field(q);
                for (int i = 0; i < m; i++)
                    y[q * m + i] = f[i] >= 0 ? 1 : zeroOne ? 0 : -1;
            }
            if (second == null)
                continue;
            second.Fields(y, count);
            for (int q = 0; q < count; q++)
                minVisible = Math.Min(minVisible, second.MinMargin(q, seq.Pattern(net, seq.Successor(t0 + q))));
        }
        return (learnU ? minHidden : double.NaN, minVisible);
    }

    /// <summary>One layer's weights transposed (cols × Rp) so that rows run along lanes, its row norms, and the last fields.</summary>
    private sealed class Layer
    {
        private readonly int rows, cols, rp;
        private readonly double[] wT, bias, norm2, fields;

        public Layer(int rows, int cols)
        {
            this.rows = rows;
            this.cols = cols;
            int lanes = Vector<double>.Count;
            rp = (rows + lanes - 1) / lanes * lanes;
            wT = new double[cols * rp];
            bias = new double[rp];
            norm2 = new double[rp];
            fields = new double[4 * rp];
        }

        /// <summary>Takes a network's weights (rows × cols) and biases; the zero padding rows stay zero.</summary>
        public void Load(ReadOnlySpan<double> w, ReadOnlySpan<double> b)
        {
            for (int r = 0; r < rows; r++)
                for (int k = 0; k < cols; k++)
                    wT[k * rp + r] = w[r * cols + k];
            b.CopyTo(bias);
            int lanes = Vector<double>.Count;
            for (int r = 0; r < rp; r += lanes)
            {
                var vb = new Vector<double>(bias.AsSpan(r));
                var acc = vb * vb;
                for (int k = 0; k < cols; k++)
                {
                    var wk = new Vector<double>(wT.AsSpan(k * rp + r));
                    acc += wk * wk;
                }
                acc.CopyTo(norm2.AsSpan(r));
            }
        }

        public ReadOnlySpan<double> Field(int q) => fields.AsSpan(q * rp, rows);

        /// <summary>
        /// field_qr = b_r + Σ_k w_rk x_qk for the <paramref name="count"/> (≤ 4) inputs in <paramref name="xs"/> (stride
        /// cols): per field the multiply and the add rounded separately, k in order, as the scalar loop does.
        /// </summary>
        public void Fields(double[] xs, int count)
        {
            int lanes = Vector<double>.Count;
            // Fewer than 4 inputs repeat the last one; the repeats write the same fields to the same place.
            int q1 = Math.Min(1, count - 1), q2 = Math.Min(2, count - 1), q3 = Math.Min(3, count - 1);
            ref double rw = ref MemoryMarshal.GetArrayDataReference(wT);
            ref double x0 = ref MemoryMarshal.GetArrayDataReference(xs);
            ref double x1 = ref Unsafe.Add(ref x0, q1 * cols);
            ref double x2 = ref Unsafe.Add(ref x0, q2 * cols);
            ref double x3 = ref Unsafe.Add(ref x0, q3 * cols);
            for (int r = 0; r < rp; r += lanes)
            {
                var a0 = new Vector<double>(bias.AsSpan(r));
                Vector<double> a1 = a0, a2 = a0, a3 = a0;
                for (int k = 0; k < cols; k++)
                {
                    var wk = Vector.LoadUnsafe(ref rw, (nuint)(k * rp + r));
                    a0 += wk * new Vector<double>(Unsafe.Add(ref x0, k));
                    a1 += wk * new Vector<double>(Unsafe.Add(ref x1, k));
                    a2 += wk * new Vector<double>(Unsafe.Add(ref x2, k));
                    a3 += wk * new Vector<double>(Unsafe.Add(ref x3, k));
                }
                a0.CopyTo(fields.AsSpan(r));
                a1.CopyTo(fields.AsSpan(q1 * rp + r));
                a2.CopyTo(fields.AsSpan(q2 * rp + r));
                a3.CopyTo(fields.AsSpan(q3 * rp + r));
            }
        }

        /// <summary>min_r s_r·field_qr/‖(w_r, b_r)‖ over the real rows; a zero row counts as margin 0.</summary>
        public double MinMargin(int q, ReadOnlySpan<sbyte> target)
        {
            var f = fields.AsSpan(q * rp, rows);
            double min = double.PositiveInfinity;
            for (int r = 0; r < rows; r++)
                min = Math.Min(min, norm2[r] > 0 ? target[r] * f[r] / Math.Sqrt(norm2[r]) : 0);
            return min;
        }
    }
}
