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
    private readonly double[] rowSums;

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
        rowSums = new double[Math.Max(N, M)];
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
        var sums = rowSums.AsSpan();
        if (!IsHidden)
        {
            var w = trained.WOf(network);
            return FloatTranspose.Of(w, n, n, visibleBias, First, FirstBias, sums, ref widest)
                && ExactSums.OnGrid(widest, w, visibleBias);
        }
        var u = trained.UOf(network);
        var v = trained.VOf(network);
        var hiddenBias = trained.HiddenBias.AsSpan(network * m, m);
        // & rather than &&: both transposes run, so widest covers both layers before the grid is chosen.
        return FloatTranspose.Of(u, m, n, hiddenBias, First, FirstBias, sums, ref widest)
            & FloatTranspose.Of(v, n, m, visibleBias, Second, SecondBias, sums, ref widest)
            && ExactSums.OnGrid(widest, u, hiddenBias) && ExactSums.OnGrid(widest, v, visibleBias);
    }
}

