namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The margin rule (see <see cref="MarginRule"/>) for one float32 layer against a block of inputs, row by
/// row: each row's update depends only on that row, so a batch epoch finishes one row (fields, gates, Δ, fields again)
/// before the next and the row stays in L1. Inputs are transition-major (T × cols) for the updates and transposed
/// (cols × Tp, see <see cref="BlockFields"/>) for the fields; targets transition-major (T × rows); fields rows × Tp.
/// Gates compare in float64 exactly as the Reference does.
/// </summary>
internal sealed class RowLearner(int rows, int cols, int transitions, double kappa, double eta, bool learnBias)
{
    private readonly float[] delta = new float[cols];
    private readonly int tp = BlockFields.Padded(transitions);

    /// <summary>The row stride of the fields: T rounded up to whole vectors.</summary>
    public int Stride => tp;

    /// <summary>Fields (bias + w_r·x_t) of every row for every input.</summary>
    public void Fields(float[] w, float[] bias, float[] inputsT, float[] fields) => BlockFields.Compute(w, bias, 0, rows, cols, inputsT, tp, fields);

    /// <summary>
    /// One batch epoch: Δw summed over all inputs with the fields on entry, then applied. <paramref name="fields"/> must
    /// hold the fields of the current weights on entry and holds those of the updated weights on return.
    /// </summary>
    /// <returns>The number of (row, input) gates that opened.</returns>
    public int BatchEpoch(float[] w, float[] bias, float[] inputs, float[] inputsT, sbyte[] targets, float[] fields)
    {
        int gated = 0;
        for (int r = 0; r < rows; r++)
        {
            Array.Clear(delta);
            float deltaBias = 0;
            int rowGated = 0;
            for (int t = 0; t < transitions; t++)
            {
                sbyte s = targets[t * rows + r];
                if (kappa - s * (double)fields[r * tp + t] <= 0)
                    continue;
                rowGated++;
                float step = (float)(eta * s);
                BinaryRows.AddScaled<float>(delta, step, inputs.AsSpan(t * cols, cols));
                deltaBias += step;
            }
            if (rowGated == 0)
                continue;
            gated += rowGated;
            BinaryRows.AddScaled<float>(w.AsSpan(r * cols, cols), 1f, delta);
            if (learnBias)
                bias[r] += deltaBias;
            BlockFields.Compute(w, bias, r, 1, cols, inputsT, tp, fields);
        }
        return gated;
    }

    /// <summary>
    /// The online rule for input t: each row's field, gate and update in turn (rows are independent); returns the
    /// gates that opened and writes the fields after the update to <paramref name="after"/> (length rows).
    /// </summary>
    public int OnlineStep(float[] w, float[] bias, ReadOnlySpan<float> input, ReadOnlySpan<sbyte> target, Span<float> after)
    {
        int gated = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = w.AsSpan(r * cols, cols);
            float field = bias[r] + BinaryRows.Dot<float>(row, input);
            if (kappa - target[r] * (double)field > 0)
            {
                gated++;
                float step = (float)(eta * target[r]);
                BinaryRows.AddScaled(row, step, input);
                if (learnBias)
                    bias[r] += step;
                field = bias[r] + BinaryRows.Dot<float>(row, input);
            }
            after[r] = field;
        }
        return gated;
    }
}
