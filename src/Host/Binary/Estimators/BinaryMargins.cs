using System.Numerics;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The end-of-training margins of spec §2 recomputed from the final float64 weights with the Reference's arithmetic
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

    /// <summary>Buffers for the plan's layer shapes, reused for network after network (one instance per thread).</summary>
    public BinaryMargins(TrainingPlan plan)
    {
        this.plan = plan;
        int n = plan.N, m = plan.Hidden;
        bool hidden = plan.HasHiddenLayer;
        first = hidden ? new Layer(m, n) : new Layer(n, n);
        second = hidden ? new Layer(n, m) : null;
        x = new double[n];
        y = new double[m];
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
        for (int t = 0; t < plan.Transitions; t++)
        {
            var pattern = seq.Pattern(net, t);
            for (int k = 0; k < n; k++)
                x[k] = pattern[k];
            var next = seq.Pattern(net, seq.Successor(t));
            first.Fields(x);
            if (second == null)
            {
                minVisible = Math.Min(minVisible, first.MinMargin(next));
                continue;
            }
            if (learnU)
                minHidden = Math.Min(minHidden, first.MinMargin(s.AsSpan(t * m, m)));
            var f = first.Field;
            for (int i = 0; i < m; i++)
                y[i] = f[i] >= 0 ? 1 : zeroOne ? 0 : -1;
            second.Fields(y);
            minVisible = Math.Min(minVisible, second.MinMargin(next));
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
            fields = new double[rp];
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

        public ReadOnlySpan<double> Field => fields;

        /// <summary>field_r = b_r + Σ_k w_rk x_k, the multiply and the add rounded separately, k in order.</summary>
        public void Fields(double[] x)
        {
            int lanes = Vector<double>.Count;
            for (int r = 0; r < rp; r += lanes)
            {
                var acc = new Vector<double>(bias.AsSpan(r));
                for (int k = 0; k < cols; k++)
                    acc += new Vector<double>(wT.AsSpan(k * rp + r)) * new Vector<double>(x[k]);
                acc.CopyTo(fields.AsSpan(r));
            }
        }

        /// <summary>min_r s_r·field_r/‖(w_r, b_r)‖ over the real rows; a zero row counts as margin 0.</summary>
        public double MinMargin(ReadOnlySpan<sbyte> target)
        {
            double min = double.PositiveInfinity;
            for (int r = 0; r < rows; r++)
                min = Math.Min(min, norm2[r] > 0 ? target[r] * fields[r] / Math.Sqrt(norm2[r]) : 0);
            return min;
        }
    }
}
