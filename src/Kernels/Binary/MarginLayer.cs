using ILGPU;

namespace FastAttractors.Kernels.Binary;

/// <summary>One learned layer of one network: rows × cols weights (row-major) and one bias per row.</summary>
public readonly struct LayerWeights(ArrayView<double> weights, ArrayView<double> bias, int rows, int cols)
{
    /// <summary>Row-major rows × cols weights and one bias per row.</summary>
    public readonly ArrayView<double> Weights = weights, Bias = bias;
    /// <summary>The layer's rows (outputs) and columns (inputs).</summary>
    public readonly int Rows = rows, Cols = cols;
}

/// <summary>
/// The gated margin perceptron (the Reference's MarginRule) for one layer, its work split over the threads
/// of a group (thread <c>tid</c> of <c>size</c>). Every float64 sum runs in the Reference's order: a field is bias + Σ_c
/// w·x in index order; a batch step sums (η·s)·x over transitions in order and adds it once; so results equal the
/// Reference's bit for bit wherever the device rounds IEEE float64. ILGPU writes mul.f64/add.f64, which ptxas may fuse
/// into FMAs; that changes nothing here, since every product in a field or a step multiplies by ±1, 0 or η·(±1)
/// (exact), except w·w in the margins' norms, where a fused result may differ in the last bit off the dyadic grid
/// (on it, w = kη and w² is exact). Callers put barriers between phases.
/// </summary>
public static class MarginLayer
{
    /// <summary>(W x_t + b)_r, the sum in index order.</summary>
    public static double Field<TIn>(LayerWeights l, int r, TIn x, int t) where TIn : struct, ILayerInputs
    {
        double field = l.Bias[r];
        int row = r * l.Cols;
        for (int c = 0; c < l.Cols; c++)
            field += l.Weights[row + c] * x.Input(t, c);
        return field;
    }

    /// <summary>fields[r·T + t] ← (W x_t + b)_r for every (row, transition); with codes, also codes[t·rows + r] ← 1 or <paramref name="low"/> by sgn.</summary>
    public static void Fields<TIn>(LayerWeights l, TIn x, int transitions, ArrayView<double> fields, bool writeCodes, ArrayView<double> codes, double low, int tid, int size)
        where TIn : struct, ILayerInputs
    {
        int pairs = l.Rows * transitions;
        for (int p = tid; p < pairs; p += size)
        {
            int r = p / transitions, t = p - r * transitions;
            double field = Field(l, r, x, t);
            fields[p] = field;
            if (writeCodes)
                codes[t * l.Rows + r] = field >= 0 ? 1.0 : low;
        }
    }

    /// <summary>This thread's share of the open gates κ − s·F &gt; 0 over all (row, transition) pairs.</summary>
    public static int CountGates<TTg>(ArrayView<double> fields, TTg s, int rows, int transitions, double kappa, int tid, int size)
        where TTg : struct, ILayerTargets
    {
        int gated = 0, pairs = rows * transitions;
        for (int p = tid; p < pairs; p += size)
        {
            int r = p / transitions, t = p - r * transitions;
            if (kappa - s.Target(t, r) * fields[p] > 0)
                gated++;
        }
        return gated;
    }

    /// <summary>
    /// One batch step from the fields of the current weights: w_rc += Σ_t [κ − s_t,r F_rt &gt; 0] (η s_t,r) x_t[c],
    /// the sum over t in order from 0 and added once (the Reference's accumulator ΔW); biases alike.
    /// </summary>
    public static void BatchUpdate<TIn, TTg>(LayerWeights l, ArrayView<double> fields, TIn x, TTg s, int transitions,
        double kappa, double eta, bool learnBias, int tid, int size)
        where TIn : struct, ILayerInputs
        where TTg : struct, ILayerTargets
    {
        int elements = l.Rows * l.Cols;
        for (int p = tid; p < elements; p += size)
        {
            int r = p / l.Cols, c = p - r * l.Cols;
            double delta = 0;
            for (int t = 0; t < transitions; t++)
            {
                int sign = s.Target(t, r);
                if (kappa - sign * fields[r * transitions + t] > 0)
                    delta += eta * sign * x.Input(t, c);
            }
            l.Weights[p] += delta;
        }
        if (!learnBias)
            return;
        for (int r = tid; r < l.Rows; r += size)
        {
            double delta = 0;
            for (int t = 0; t < transitions; t++)
            {
                int sign = s.Target(t, r);
                if (kappa - sign * fields[r * transitions + t] > 0)
                    delta += eta * sign;
            }
            l.Bias[r] += delta;
        }
    }

    /// <summary>
    /// One online epoch for this thread's rows: for t in order, row r's gate from its current weights, then the step
    /// applied in place. A row's history depends on no other row, so rows need no barrier between transitions. With
    /// codes, also codes[t·rows + r] ← code of the field after the step (the Reference's hidden state with the new U).
    /// </summary>
    /// <returns>This thread's open gates.</returns>
    public static int OnlineRows<TIn, TTg>(LayerWeights l, TIn x, TTg s, int transitions, double kappa, double eta, bool learnBias,
        bool writeCodes, ArrayView<double> codes, double low, int tid, int size)
        where TIn : struct, ILayerInputs
        where TTg : struct, ILayerTargets
    {
        int gated = 0;
        for (int r = tid; r < l.Rows; r += size)
        {
            int row = r * l.Cols;
            for (int t = 0; t < transitions; t++)
            {
                int sign = s.Target(t, r);
                double field = Field(l, r, x, t);
                if (kappa - sign * field > 0)
                {
                    gated++;
                    double step = eta * sign;
                    for (int c = 0; c < l.Cols; c++)
                        l.Weights[row + c] += step * x.Input(t, c);
                    if (learnBias)
                        l.Bias[r] += step;
                    field = Field(l, r, x, t);
                }
                if (writeCodes)
                    codes[t * l.Rows + r] = field >= 0 ? 1.0 : low;
            }
        }
        return gated;
    }

    /// <summary>
    /// This thread's min over its rows and all transitions of s·(W x_t + b)_r / ‖(w_r, b_r)‖ (0 for a zero row), as
    /// MarginRule.MinNormalisedMargin: the same sums, one IEEE division and square root (correctly rounded on every backend).
    /// </summary>
    public static double MinMargin<TIn, TTg>(LayerWeights l, TIn x, TTg s, int transitions, int tid, int size)
        where TIn : struct, ILayerInputs
        where TTg : struct, ILayerTargets
    {
        double min = double.PositiveInfinity;
        for (int r = tid; r < l.Rows; r += size)
        {
            double norm2 = l.Bias[r] * l.Bias[r];
            int row = r * l.Cols;
            for (int c = 0; c < l.Cols; c++)
                norm2 += l.Weights[row + c] * l.Weights[row + c];
            for (int t = 0; t < transitions; t++)
            {
                double margin = norm2 > 0 ? s.Target(t, r) * Field(l, r, x, t) / Math.Sqrt(norm2) : 0;
                min = Min(min, margin);
            }
        }
        return min;
    }

    /// <summary>Math.Min for non-NaN values: −0 is below +0, so the minimum does not depend on the order of comparison.</summary>
    public static double Min(double a, double b)
    {
        if (a < b)
            return a;
        if (b < a)
            return b;
        return a == 0 && 1.0 / a < 0 ? a : b;
    }
}
