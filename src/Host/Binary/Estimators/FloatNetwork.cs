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
        var sums = ExactSums.Start;
        if (IsHidden)
            return ExactSums.Transpose(trained.UOf(network), m, n, trained.HiddenBias.AsSpan(network * m, m), First, FirstBias, ref sums)
                && ExactSums.Transpose(trained.VOf(network), n, m, visibleBias, Second, SecondBias, ref sums)
                && sums.Exact;
        return ExactSums.Transpose(trained.WOf(network), n, n, visibleBias, First, FirstBias, ref sums) && sums.Exact;
    }
}

/// <summary>
/// When float32 sums of a network's fields are exact in any order. If every weight and bias is an integer multiple of
/// 2^e for one e (the smallest exponent of a lowest set bit over the network) and every row has
/// |bias| + Σ|w| &lt; 2^24·2^e, then any partial sum of bias and ±w, 0/1·w or ±2w terms is k·2^e with |k| &lt; 2^24,
/// which float32's 24-bit significand holds (and float64's): every float32 sum, fused or not, in any order, equals
/// the Reference's float64 sum. Being float32 values is not enough: 1 + 2^−30 is not a float32 value.
/// </summary>
internal struct ExactSums
{
    private int lowestExponent;
    private double widestRow;

    public static ExactSums Start => new() { lowestExponent = int.MaxValue };

    /// <summary>True when every row sum so far fits 24 bits of the grid 2^e (all zero: trivially).</summary>
    public readonly bool Exact => lowestExponent == int.MaxValue || widestRow < Math.ScaleB(1.0, 24 + lowestExponent);

    /// <summary>
    /// wT[k·Rp + r] = w[r·cols + k] and biasOut[r] = bias[r] in float32, while noting the grid and row sums; false as soon
    /// as a value is not a float32 value. The check rides on the transpose, which reads every weight anyway.
    /// </summary>
    public static bool Transpose(ReadOnlySpan<double> w, int rows, int cols, ReadOnlySpan<double> bias, float[] wT, float[] biasOut, ref ExactSums sums)
    {
        int rp = biasOut.Length;
        for (int r = 0; r < rows; r++)
        {
            // Non-negative terms: the float64 running sum is exact until it passes 2^53·2^e and rounds monotonically,
            // so the comparison with 2^24·2^e is decided exactly.
            if (!sums.Note(bias[r], out float b))
                return false;
            biasOut[r] = b;
            double row = Math.Abs(b);
            var weights = w.Slice(r * cols, cols);
            for (int k = 0; k < cols; k++)
            {
                if (!sums.Note(weights[k], out float f))
                    return false;
                wT[k * rp + r] = f;
                row += Math.Abs(f);
            }
            sums.widestRow = Math.Max(sums.widestRow, row);
        }
        return true;
    }

    private bool Note(double v, out float f)
    {
        f = (float)v;
        if (f != v)
            return false;
        if (f != 0)
            lowestExponent = Math.Min(lowestExponent, LowestBitExponent(f));
        return true;
    }

    /// <summary>e such that the lowest set bit of finite non-zero f is worth 2^e (−149 … 104).</summary>
    internal static int LowestBitExponent(float f)
    {
        int bits = BitConverter.SingleToInt32Bits(f);
        int biased = (bits >> 23) & 0xFF, mantissa = bits & 0x7FFFFF;
        return biased == 0
            ? -149 + BitOperations.TrailingZeroCount(mantissa)
            : biased - 150 + BitOperations.TrailingZeroCount(mantissa | 0x800000);
    }
}
