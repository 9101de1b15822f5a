namespace FastAttractors;

/// <summary>
/// B trained networks with their learning statistics. Weights are float64, network-major and row-major:
/// U (M×N) of network b at U[b·M·N …], V (N×M) at V[b·N·M …], W (N×N) at W[b·N·N …]. Which matrices are used depends on
/// <see cref="Variant"/>: U, V for the hidden variants (and the two-layer Long Sequence Hopfield form, U rows ξ(t),
/// V columns ξ(t+1)); W for the visible perceptron and Hebbian; none for one-layer Long Sequence Hopfield, which
/// reads <see cref="Sequences"/>. Unused matrices are empty.
/// </summary>
public sealed class TrainingResult
{
    private readonly double[][] hiddenGated;
    private readonly double[][] visibleGated;

    internal TrainingResult(SequenceBatch sequences, TrainingOptions options, int hidden, Backend backend,
        double[] u, double[] v, double[] w, double[] hiddenBias, double[] visibleBias,
        int[] epochs, bool[] converged, double[][] hiddenGated, double[][] visibleGated, double[] minHiddenMargin, double[] minVisibleMargin)
    {
        Sequences = sequences;
        Options = options;
        Hidden = hidden;
        Backend = backend;
        U = u;
        V = v;
        W = w;
        HiddenBias = hiddenBias;
        VisibleBias = visibleBias;
        Epochs = epochs;
        Converged = converged;
        this.hiddenGated = hiddenGated;
        this.visibleGated = visibleGated;
        MinHiddenMargin = minHiddenMargin;
        MinVisibleMargin = minVisibleMargin;
    }

    /// <summary>The sequences the networks were trained on.</summary>
    public SequenceBatch Sequences { get; }
    /// <summary>The options they were trained with.</summary>
    public TrainingOptions Options { get; }
    /// <summary>The network variant (from <see cref="Options"/>).</summary>
    public NetworkVariant Variant => Options.Variant;
    /// <summary>The backend that trained them.</summary>
    public Backend Backend { get; }

    /// <summary>B: the number of networks.</summary>
    public int Networks => Sequences.Networks;
    /// <summary>N: visible neurons.</summary>
    public int Visible => Sequences.Visible;

    /// <summary>M actually used: <see cref="TrainingOptions.Hidden"/>, the transition count (two-layer Long Sequence Hopfield) or 0 (visible-only).</summary>
    public int Hidden { get; }

    /// <summary>U, B × M × N (network b's M×N row-major block at b·M·N); empty when unused.</summary>
    public double[] U { get; }
    /// <summary>V, B × N × M (network b's N×M row-major block at b·N·M); empty when unused.</summary>
    public double[] V { get; }
    /// <summary>W, B × N × N (network b's N×N row-major block at b·N·N); empty when unused.</summary>
    public double[] W { get; }

    /// <summary>B × M hidden biases; zeros when <see cref="TrainingOptions.Biases"/> is None.</summary>
    public double[] HiddenBias { get; }

    /// <summary>B × N visible biases; zeros when <see cref="TrainingOptions.Biases"/> is None.</summary>
    public double[] VisibleBias { get; }

    /// <summary>Epochs run per network (0 for the one-shot Hebbian and Long Sequence Hopfield variants).</summary>
    public int[] Epochs { get; }

    /// <summary>True when the last epoch opened no gate (one-shot variants: always true).</summary>
    public bool[] Converged { get; }

    /// <summary>Per network: min over units and transitions of s·(field) / ‖row‖ for the hidden layer (NaN where there is no learned hidden layer).</summary>
    public double[] MinHiddenMargin { get; }

    /// <summary>Per network: min over units and transitions of ξ_j(t+1)·(field)_j / ‖row j‖ (V or W; bias included in the row; NaN for Long Sequence Hopfield).</summary>
    public double[] MinVisibleMargin { get; }

    /// <summary>Per epoch of network b: the fraction of (hidden unit, transition) pairs whose gate μ opened.</summary>
    public ReadOnlySpan<double> HiddenGateFraction(int network) => hiddenGated[network];

    /// <summary>Per epoch of network b: the fraction of (visible unit, transition) pairs whose gate ν opened.</summary>
    public ReadOnlySpan<double> VisibleGateFraction(int network) => visibleGated[network];

    /// <summary>Network <paramref name="network"/>'s U (M×N, row-major).</summary>
    public ReadOnlySpan<double> UOf(int network) => U.AsSpan(network * Hidden * Visible, Hidden * Visible);
    /// <summary>Network <paramref name="network"/>'s V (N×M, row-major).</summary>
    public ReadOnlySpan<double> VOf(int network) => V.AsSpan(network * Visible * Hidden, Visible * Hidden);
    /// <summary>Network <paramref name="network"/>'s W (N×N, row-major).</summary>
    public ReadOnlySpan<double> WOf(int network) => W.AsSpan(network * Visible * Visible, Visible * Visible);
}
