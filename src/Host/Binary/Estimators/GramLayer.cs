using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// One layer of the batch margin rule (docs/explanations/binary-margin-rule.md) started from zero weights, kept in units of η: every update adds
/// ±η·input (and ±η to a learned bias), so the weights are η·B and the fields η·C with B and C integer-valued. A gate
/// that opens at (row r, input t) with sign s adds s·z_t to B_r and s·G_t to C_r, where G = Z Zᵀ (+1 with a learned
/// bias) is the Gram matrix of the T inputs: T operations per gate instead of recomputing the row's cols × T fields.
/// Counts are float32 integers, exact while below 2^24 in magnitude (the bound the dyadic equality already needs);
/// fields enter the gate as η·C in float64 exactly as the Reference forms κ − s·field, so on the dyadic grid every gate,
/// weight and bias equals the Reference's; off the grid the counts stay exact and only η·C is rounded (once), so there
/// is no drift from incremental updates. When the inputs change (the hidden code after a U epoch), C and G follow by
/// flips (<see cref="SetInputsTransposed"/>) or, when many flip, by a full recompute with <see cref="BlockFields"/>.
/// </summary>
internal sealed class GramLayer
{
    private readonly int rows, cols, transitions, tp;
    private readonly double kappa, eta;
    private readonly float[] counts, biasCounts, fields, gram, inputs, inputsT, gramBias;
    private readonly int[] gatedInputs;
    private readonly bool fixedInputs;
    private readonly float[] coefficients;
    private readonly float threshold;
    private readonly bool exactGate;
    private readonly float[] gateSigns;

    // Row r can open a gate this epoch: false only when its fields and targets are unchanged since an epoch in which
    // none of its gates opened (then none can open now either).
    private readonly bool[] rowMayOpen;
    private float[]? lastTargets;
    private float[] exportInputs = [], exportCounts = [];
    private float[]? zeroBias;

    /// <param name="initialInputs">T × cols, transition-major.</param>
    /// <param name="fixedInputs">
    /// The inputs never change (ξ for U or W, the fixed hidden code for V only): a gate then only counts
    /// a[r, t] += s and the counts B = A·Z are formed once, at <see cref="Export"/>.
    /// </param>
    public GramLayer(int rows, int cols, int transitions, double kappa, double eta, bool learnBias, ReadOnlySpan<float> initialInputs, bool fixedInputs)
    {
        this.fixedInputs = fixedInputs;
        coefficients = new float[fixedInputs ? rows * transitions : 0];
        this.rows = rows;
        this.cols = cols;
        this.transitions = transitions;
        this.kappa = kappa;
        this.eta = eta;
        tp = BlockFields.Padded(transitions);
        counts = new float[rows * cols];
        biasCounts = new float[rows];
        fields = new float[rows * tp];
        gram = new float[transitions * tp];
        inputs = new float[transitions * cols];
        inputsT = new float[cols * tp];
        // A learned bias is an input that is always 1: it adds 1 to every Gram entry.
        gramBias = new float[transitions];
        if (learnBias)
            Array.Fill(gramBias, 1f);
        LearnBias = learnBias;
        gatedInputs = new int[transitions];
        gateSigns = new float[transitions];
        rowMayOpen = new bool[rows];
        Reset(initialInputs);
        // Gate (r, t) is shut when κ − s·η·C ≤ 0. For η = 2^−p, η·C is exact, so that is s·C ≥ κ/η exactly, and when κ/η
        // is a float32 value the vector test in BatchEpoch is the gate itself. Otherwise the threshold is raised by a
        // relative 1e−6 plus one count, far above any rounding, so a lane at or above it is surely shut; lanes below it
        // are candidates that take the Reference's float64 test.
        double exact = kappa / eta;
        exactGate = (double)(float)exact == exact && double.IsPow2(1 / eta);
        threshold = exactGate ? (float)exact : (float)(exact * (1 + 1e-6) + 1);
    }

    /// <summary>
    /// Back to zero weights with new inputs (T × cols, transition-major): one layer object serves network after network
    /// on a thread, so the large buffers are allocated once per thread rather than once per network (fresh large arrays
    /// cost page faults and LOH collections that took ~20 % of the W7 training time).
    /// </summary>
    public void Reset(ReadOnlySpan<float> initialInputs)
    {
        Array.Clear(counts);
        Array.Clear(biasCounts);
        Array.Clear(coefficients);
        Array.Fill(rowMayOpen, true);
        lastTargets = null;
        initialInputs[..inputs.Length].CopyTo(inputs);
        // Zero weights give zero fields: only the inputs' transpose and Gram matrix are formed.
        Recompute(fieldsToo: false);
        Array.Clear(fields);
    }

    public bool LearnBias { get; }

    /// <summary>C[r·Tp + t] = (w_r·z_t + b_r)/η.</summary>
    public ReadOnlySpan<float> Fields => fields;

    public int Stride => tp;

    public int Transitions => transitions;

    /// <summary>
    /// Targets (rows × T, transition-major as given) as ±1 floats rows × Tp into <paramref name="result"/>, for
    /// <see cref="BatchEpoch"/>; the padding is left as it is (zero).
    /// </summary>
    public void Targets(ReadOnlySpan<sbyte> targets, float[] result)
    {
        for (int t = 0; t < transitions; t++)
            for (int r = 0; r < rows; r++)
                result[r * tp + t] = targets[t * rows + r];
    }

    /// <summary>
    /// One batch epoch against <paramref name="targets"/> (from <see cref="Targets"/>): every gate from the fields on
    /// entry, then the updates; returns the number of gates that opened.
    /// </summary>
    public int BatchEpoch(float[] targets)
    {
        // Vector prefilter: s·C at or above the threshold means a shut gate; only lanes below it take the Reference's
        // float64 test. Near convergence almost every vector is shut.
        if (!ReferenceEquals(targets, lastTargets))
        {
            // New targets (the callers keep one array per network and never write it during training) reopen every row.
            Array.Fill(rowMayOpen, true);
            lastTargets = targets;
        }
        int w = Vector<float>.Count, gated = 0;
        // The last vector's padding lanes (s = C = 0) get a threshold no product is below, so they never look open.
        Span<float> lastThreshold = stackalloc float[w];
        for (int lane = 0; lane < w; lane++)
            lastThreshold[lane] = tp - w + lane < transitions ? threshold : float.MinValue;
        Vector<float> closed = new(threshold), closedLast = new(lastThreshold);
        ref float rf = ref MemoryMarshal.GetArrayDataReference(fields);
        ref float rt = ref MemoryMarshal.GetArrayDataReference(targets);
        for (int r = 0; r < rows; r++)
        {
            if (!rowMayOpen[r])
                continue;
            var c = fields.AsSpan(r * tp, tp);
            var s = targets.AsSpan(r * tp, tp);
            int open = 0;
            for (int v = 0; v < tp; v += w)
            {
                var product = Vector.LoadUnsafe(ref rt, (nuint)(r * tp + v)) * Vector.LoadUnsafe(ref rf, (nuint)(r * tp + v));
                var below = Vector.LessThan(product, v + w < tp ? closed : closedLast);
                if (below == Vector<int>.Zero)
                    continue;
                if (exactGate)
                {
                    // The vector test is the gate itself: visit only the open lanes.
                    for (uint mask = OpenLanes(below); mask != 0; mask &= mask - 1)
                    {
                        int t = v + System.Numerics.BitOperations.TrailingZeroCount(mask);
                        gatedInputs[open] = t;
                        gateSigns[open++] = s[t];
                    }
                    continue;
                }
                for (int t = v, end = Math.Min(v + w, transitions); t < end; t++)
                {
                    // The Reference's gate H(κ − s·field), with field = η·C exact on the dyadic grid.
                    if (kappa - s[t] * (eta * c[t]) <= 0)
                        continue;
                    gatedInputs[open] = t;
                    gateSigns[open++] = s[t];
                }
            }
            rowMayOpen[r] = open > 0;
            if (open == 0)
                continue;
            gated += open;
            float biasSum = 0;
            if (fixedInputs)
            {
                ref float a = ref MemoryMarshal.GetArrayDataReference(coefficients);
                a = ref Unsafe.Add(ref a, r * transitions);
                for (int g = 0; g < open; g++)
                {
                    Unsafe.Add(ref a, gatedInputs[g]) += gateSigns[g];
                    biasSum += gateSigns[g];
                }
            }
            else
            {
                var rowCounts = counts.AsSpan(r * cols, cols);
                for (int g = 0; g < open; g++)
                {
                    BinaryRows.AddScaled(rowCounts, gateSigns[g], inputs.AsSpan(gatedInputs[g] * cols, cols));
                    biasSum += gateSigns[g];
                }
            }
            if (LearnBias)
                biasCounts[r] += biasSum;
            // C_r += Σ_g s_g G[t_g]: the anchored-delta kernel, with C as its own anchor (a row opens about ten gates an
            // epoch at W7's size, so C stays in registers across them). Every value is an integer below 2^24: any order.
            DeltaFields.Add(gram, tp, c, gatedInputs.AsSpan(0, open), gateSigns.AsSpan(0, open), c);
        }
        return gated;
    }

    /// <summary>Bit i set when lane i of <paramref name="below"/> is all ones (a comparison's true).</summary>
    private static uint OpenLanes(Vector<int> below)
    {
        if (Vector<int>.Count == 8)
            return Vector256.ExtractMostSignificantBits(below.AsVector256());
        if (Vector<int>.Count == 4)
            return Vector128.ExtractMostSignificantBits(below.AsVector128());
        uint mask = 0;
        for (int i = 0; i < Vector<int>.Count; i++)
            mask |= below[i] != 0 ? 1u << i : 0;
        return mask;
    }

    /// <summary>
    /// Replaces the inputs by <paramref name="nextT"/> (cols × Tp, the transposed layout, zero padded): each changed
    /// entry updates C and G in O(rows + T); when more than a sixteenth of the entries changed, the full products
    /// (vectorised, cols × T per row) are cheaper.
    /// </summary>
    public void SetInputsTransposed(ReadOnlySpan<float> nextT)
    {
        if (fixedInputs)
            throw new InvalidOperationException("This layer was built with fixed inputs.");
        int changed = 0, w = Vector<float>.Count;
        for (int i = 0; i < inputsT.Length; i += w)
            changed += System.Numerics.BitOperations.PopCount(OpenLanes(~Vector.Equals(new Vector<float>(inputsT.AsSpan(i)), new Vector<float>(nextT.Slice(i)))));
        if (changed == 0)
            return;
        Array.Fill(rowMayOpen, true);
        if (changed * 16 > inputs.Length)
        {
            for (int k = 0; k < cols; k++)
                for (int t = 0; t < transitions; t++)
                    inputs[t * cols + k] = nextT[k * tp + t];
            Recompute();
            return;
        }
        // Only the changed lanes are visited (padding lanes are zero in both, so they never differ).
        for (int i = 0; i < inputsT.Length; i += w)
        {
            var differs = ~Vector.Equals(new Vector<float>(inputsT.AsSpan(i)), new Vector<float>(nextT.Slice(i)));
            for (uint mask = OpenLanes(differs); mask != 0; mask &= mask - 1)
            {
                int lane = i + System.Numerics.BitOperations.TrailingZeroCount(mask);
                Flip(lane % tp, lane / tp, nextT[lane]);
            }
        }
    }

    /// <summary>Weights η·B and biases η·b in float64 (exact for dyadic η; one rounding otherwise).</summary>
    public void Export(Span<double> weights, Span<double> bias)
    {
        if (fixedInputs)
        {
            // B = A·Z: integer sums, exact (BlockFields with the inputs as the right-hand block, cols padded).
            int cp = BlockFields.Padded(cols);
            if (exportInputs.Length == 0)
            {
                exportInputs = new float[transitions * cp];
                exportCounts = new float[rows * cp];
            }
            var z = exportInputs;
            for (int t = 0; t < transitions; t++)
                inputs.AsSpan(t * cols, cols).CopyTo(z.AsSpan(t * cp));
            var b = exportCounts;
            BlockFields.Compute(coefficients, zeroBias ??= new float[rows], 0, rows, transitions, z, cp, b);
            for (int r = 0; r < rows; r++)
                b.AsSpan(r * cp, cols).CopyTo(counts.AsSpan(r * cols));
        }
        for (int i = 0; i < counts.Length; i++)
            weights[i] = eta * counts[i];
        for (int r = 0; r < rows; r++)
            bias[r] = eta * biasCounts[r];
    }

    /// <summary>Input k of transition t becomes <paramref name="value"/>; C and G follow exactly.</summary>
    private void Flip(int t, int k, float value)
    {
        float old = inputsT[k * tp + t], delta = value - old;
        for (int r = 0; r < rows; r++)
            fields[r * tp + t] += counts[r * cols + k] * delta;
        // Row t and column t of G both gain delta·z_k(t'); with the old value still in place the diagonal gains
        // 2·delta·old, and delta² completes it to value² − old².
        var column = inputsT.AsSpan(k * tp, transitions);
        BinaryRows.AddScaled<float>(gram.AsSpan(t * tp, transitions), delta, column);
        for (int u = 0; u < transitions; u++)
            gram[u * tp + t] += delta * column[u];
        gram[t * tp + t] += delta * delta;
        inputsT[k * tp + t] = value;
        inputs[t * cols + k] = value;
    }

    private void Recompute(bool fieldsToo = true)
    {
        Array.Clear(inputsT);
        BlockFields.Transpose(inputs, transitions, cols, inputsT);
        if (fieldsToo)
            BlockFields.Compute(counts, biasCounts, 0, rows, cols, inputsT, tp, fields);
        BlockFields.Compute(inputs, gramBias, 0, transitions, cols, inputsT, tp, gram);
    }
}
