using System.Numerics;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// One hidden or visible-only network's weights in float32, transposed for <see cref="TrialProduct"/> and
/// <see cref="DeltaFields"/> (a column of U, V or W is contiguous). A thread keeps one and loads network after network
/// into the same buffers: fresh per-network arrays of this size (over 85 KB at W7) land on the large-object heap and
/// are page-faulted in each time, which cost about 40 % of a W7 recall.
/// </summary>
internal sealed class FloatNetwork
{
    private readonly TrainingResult trained;

    public FloatNetwork(TrainingResult trained)
    {
        this.trained = trained;
        N = trained.Visible;
        IsHidden = trained.Variant is NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly;
        M = IsHidden ? trained.Hidden : 0;
        ZeroOne = trained.Options.HiddenCode == HiddenCode.ZeroOne;
        FirstRows = IsHidden ? M : N;
        FirstPadded = TrialProduct.Padded(FirstRows);
        VisiblePadded = TrialProduct.Padded(N);
        HiddenPadded = TrialProduct.Padded(M);
        First = new float[N * FirstPadded];
        FirstBias = new float[FirstPadded];
        Second = new float[M * VisiblePadded];
        SecondBias = IsHidden ? new float[VisiblePadded] : [];
    }

    public int N { get; }

    /// <summary>Hidden units (0 for the visible-only perceptron).</summary>
    public int M { get; }

    public bool IsHidden { get; }

    /// <summary>Hidden code 0/1 rather than ±1.</summary>
    public bool ZeroOne { get; }

    /// <summary>Rows of the first layer: M (U) or N (W); padded to whole vectors.</summary>
    public int FirstRows { get; }

    public int FirstPadded { get; }
    public int VisiblePadded { get; }
    public int HiddenPadded { get; }

    /// <summary>Uᵀ (N × M padded) or Wᵀ (N × N padded).</summary>
    public float[] First { get; }

    public float[] FirstBias { get; }

    /// <summary>Vᵀ (M × N padded); empty for the perceptron.</summary>
    public float[] Second { get; }

    public float[] SecondBias { get; }

    /// <summary>
    /// Converts network b and reports whether float32 sums of its fields are exact in any order
    /// (<see cref="ExactSums"/>); when false the buffers are partly filled and must not be used.
    /// </summary>
    public bool Load(int network)
    {
        int n = N, m = M;
        var visibleBias = trained.VisibleBias.AsSpan(network * n, n);
        double widest = 0;
        if (!IsHidden)
        {
            var w = trained.WOf(network);
            return ExactSums.Transpose(w, n, n, visibleBias, First, FirstBias, ref widest)
                && ExactSums.OnGrid(widest, w, visibleBias);
        }
        var u = trained.UOf(network);
        var v = trained.VOf(network);
        var hiddenBias = trained.HiddenBias.AsSpan(network * m, m);
        // & rather than &&: both transposes run, so widest covers both layers before the grid is chosen.
        return ExactSums.Transpose(u, m, n, hiddenBias, First, FirstBias, ref widest)
            & ExactSums.Transpose(v, n, m, visibleBias, Second, SecondBias, ref widest)
            && ExactSums.OnGrid(widest, u, hiddenBias) && ExactSums.OnGrid(widest, v, visibleBias);
    }
}

/// <summary>
/// When float32 sums of a network's fields are exact in any order: every weight and bias is an integer multiple of
/// 2^e for one e and every row has |bias| + Σ|w| &lt; 2^24·2^e. Then any partial sum of bias and ±w, 0/1·w or ±2w
/// terms is k·2^e with |k| &lt; 2^24, which float32's 24-bit significand holds (and float64's): every float32 sum, fused
/// or not, in any order, equals the Reference's float64 sum. Being float32 values is not enough: 1 + 2^−30 is not one.
/// Such an e exists exactly when e = ilogb(S) − 23 works, S the widest row sum (the largest e the bound allows), so the
/// check is one widest-row pass, riding on the transpose that reads every weight anyway, and one vectorised
/// multiple-of-2^e pass.
/// </summary>
internal static class ExactSums
{
    /// <summary>
    /// wT[k·Rp + r] = w[r·cols + k] and biasOut[r] = bias[r] in float32, eight rows at a time (the writes then fill whole
    /// cache lines); widens <paramref name="widest"/> to the largest |bias| + Σ|w| of a row. False when a value is not a
    /// float32 value (NaN included).
    /// </summary>
    public static bool Transpose(ReadOnlySpan<double> w, int rows, int cols, ReadOnlySpan<double> bias, float[] wT, float[] biasOut, ref double widest)
    {
        const int Block = 8;
        int rp = biasOut.Length;
        bool floats = true;
        Span<double> sums = stackalloc double[Block];
        for (int r0 = 0; r0 < rows; r0 += Block)
        {
            int height = Math.Min(Block, rows - r0);
            for (int i = 0; i < height; i++)
            {
                float b = (float)bias[r0 + i];
                floats &= b == bias[r0 + i];
                biasOut[r0 + i] = b;
                sums[i] = Math.Abs(b);
            }
            for (int k = 0; k < cols; k++)
            {
                int o = k * rp + r0;
                for (int i = 0; i < height; i++)
                {
                    double v = w[(r0 + i) * cols + k];
                    float f = (float)v;
                    floats &= f == v;
                    wT[o + i] = f;
                    sums[i] += Math.Abs(f);
                }
            }
            // Non-negative terms: on the grid the float64 running sums are exact (far below 2^53·2^e); off it the
            // multiple-of-2^e pass fails whatever rounding did here.
            for (int i = 0; i < height; i++)
                widest = Math.Max(widest, sums[i]);
        }
        return floats;
    }

    /// <summary>True when every value is an integer multiple of 2^e, e = ilogb(widest) − 23 (all zero: true).</summary>
    public static bool OnGrid(double widest, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias)
    {
        if (widest == 0)
            return true;
        if (!double.IsFinite(widest))
            return false;
        // |v|·2^−e < 2^24: the scaling is exact, and an integer stays one.
        double scale = Math.ScaleB(1.0, 23 - Math.ILogB(widest));
        return Multiples(weights, scale) && Multiples(bias, scale);
    }

    private static bool Multiples(ReadOnlySpan<double> values, double scale)
    {
        var s = new Vector<double>(scale);
        int i = 0;
        for (; i + Vector<double>.Count <= values.Length; i += Vector<double>.Count)
        {
            var t = new Vector<double>(values[i..]) * s;
            if (!Vector.EqualsAll(Vector.Floor(t), t))
                return false;
        }
        for (; i < values.Length; i++)
            if (Math.Floor(values[i] * scale) != values[i] * scale)
                return false;
        return true;
    }
}
