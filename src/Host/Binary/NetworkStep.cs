namespace FastAttractors.Binary;

/// <summary>
/// One synchronous step ξ → ξ' of trained network b, in float64 with sums in index order:
/// hidden variants ζ = code(sgn(Uξ + b_U)), ξ' = sgn(Vζ + b_V); visible variants ξ' = sgn(Wξ + b); Long Sequence
/// Hopfield ξ'_j = sgn(Σ_t ξ_j(t+1) f(m_t)), m_t = (ξ(t)·ξ)/N, the sum over t in order in both forms so they agree bit for bit.
/// </summary>
internal sealed class NetworkStep
{
    private readonly TrainingResult trained;
    private readonly int network;
    private readonly double[] hidden;

    public NetworkStep(TrainingResult trained, int network)
    {
        this.trained = trained;
        this.network = network;
        hidden = new double[Math.Max(trained.Hidden, trained.Sequences.Transitions)];
    }

    public static sbyte Sign(double x) => x >= 0 ? (sbyte)1 : (sbyte)-1;

    public void Next(ReadOnlySpan<sbyte> x, Span<sbyte> next)
    {
        switch (trained.Variant)
        {
            case NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly:
                HiddenState(x, hidden);
                Layer(trained.VOf(network), trained.VisibleBias.AsSpan(network * trained.Visible, trained.Visible), hidden.AsSpan(0, trained.Hidden), next);
                break;
            case NetworkVariant.VisiblePerceptron or NetworkVariant.Hebbian:
                Span<double> input = x.Length <= 1024 ? stackalloc double[x.Length] : new double[x.Length];
                for (int k = 0; k < x.Length; k++)
                    input[k] = x[k];
                Layer(trained.WOf(network), trained.VisibleBias.AsSpan(network * trained.Visible, trained.Visible), input, next);
                break;
            case NetworkVariant.LongSequenceHopfieldTwoLayer:
                TwoLayerHopfield(x, next);
                break;
            default:
                LongSequenceHopfield(x, next);
                break;
        }
    }

    /// <summary>The hidden state ζ = code(sgn(Uξ + b_U)) of the hidden variants.</summary>
    public void HiddenState(ReadOnlySpan<sbyte> x, Span<double> zeta)
    {
        int m = trained.Hidden, n = trained.Visible;
        var u = trained.UOf(network);
        var bias = trained.HiddenBias.AsSpan(network * m, m);
        bool zeroOne = trained.Options.HiddenCode == HiddenCode.ZeroOne;
        for (int i = 0; i < m; i++)
        {
            double field = bias[i];
            for (int k = 0; k < n; k++)
                field += u[i * n + k] * x[k];
            sbyte s = Sign(field);
            zeta[i] = zeroOne ? (s + 1) / 2 : s;
        }
    }

    private static void Layer(ReadOnlySpan<double> w, ReadOnlySpan<double> bias, ReadOnlySpan<double> input, Span<sbyte> next)
    {
        int cols = input.Length;
        for (int j = 0; j < next.Length; j++)
        {
            double field = bias[j];
            for (int k = 0; k < cols; k++)
                field += w[j * cols + k] * input[k];
            next[j] = Sign(field);
        }
    }

    private void LongSequenceHopfield(ReadOnlySpan<sbyte> x, Span<sbyte> next)
    {
        var seq = trained.Sequences;
        int n = seq.Visible, transitions = seq.Transitions;
        for (int t = 0; t < transitions; t++)
        {
            // The overlap is an exact integer before the single division, so both forms see the same m_t.
            int dot = 0;
            var pattern = seq.Pattern(network, t);
            for (int k = 0; k < n; k++)
                dot += pattern[k] * x[k];
            hidden[t] = Separation((double)dot / n, n);
        }
        for (int j = 0; j < n; j++)
        {
            double field = 0;
            for (int t = 0; t < transitions; t++)
                field += seq.Pattern(network, seq.Successor(t))[j] * hidden[t];
            next[j] = Sign(field);
        }
    }

    /// <summary>The two-layer form read from its matrices: U rows ξ(t) (±1), V columns ξ(t+1); same sums in the same order.</summary>
    private void TwoLayerHopfield(ReadOnlySpan<sbyte> x, Span<sbyte> next)
    {
        int n = trained.Visible, m = trained.Hidden;
        var u = trained.UOf(network);
        var v = trained.VOf(network);
        for (int t = 0; t < m; t++)
        {
            double dot = 0;
            for (int k = 0; k < n; k++)
                dot += u[t * n + k] * x[k];
            hidden[t] = Separation(dot / n, n);
        }
        for (int j = 0; j < n; j++)
        {
            double field = 0;
            for (int t = 0; t < m; t++)
                field += v[j * m + t] * hidden[t];
            next[j] = Sign(field);
        }
    }

    private double Separation(double m, int n) => trained.Options.Separation == SeparationFunction.Exponential
        ? Math.Exp((n - 1) * (m - 1))
        : Math.Pow(m, trained.Options.Degree);
}
