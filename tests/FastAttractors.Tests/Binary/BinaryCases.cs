namespace FastAttractors.Tests.Binary;

/// <summary>Sequences and independent recomputations shared by the binary-network tests.</summary>
internal static class BinaryCases
{
    public static readonly Engine Reference = Support.EngineCache.Get(Backend.Reference);

    /// <summary>B sequences of T distinct random ±1 patterns of length N (redrawn on the rare repeat).</summary>
    public static SequenceBatch Random(int networks, int length, int visible, ulong seed, SequenceBoundary boundary = SequenceBoundary.Periodic)
    {
        var patterns = new sbyte[networks * length * visible];
        ulong counter = 0;
        for (int b = 0; b < networks; b++)
        {
            var seen = new HashSet<string>();
            for (int t = 0; t < length; t++)
            {
                var row = patterns.AsSpan((b * length + t) * visible, visible);
                do
                {
                    for (int k = 0; k < visible; k++)
                        row[k] = (CounterRandom.Bits(seed, (ulong)b, counter++) & 1) == 0 ? (sbyte)1 : (sbyte)-1;
                }
                while (!seen.Add(string.Join(",", row.ToArray())));
            }
        }
        return new SequenceBatch(patterns, networks, length, visible, boundary);
    }

    /// <summary>Every learned weight, epoch count, margin and per-epoch gate fraction equal (tolerance 0: the dyadic grid).</summary>
    public static void AssertSameTraining(TrainingResult expected, TrainingResult actual)
    {
        Xunit.Assert.Equal(expected.U, actual.U);
        Xunit.Assert.Equal(expected.V, actual.V);
        Xunit.Assert.Equal(expected.W, actual.W);
        Xunit.Assert.Equal(expected.HiddenBias, actual.HiddenBias);
        Xunit.Assert.Equal(expected.VisibleBias, actual.VisibleBias);
        Xunit.Assert.Equal(expected.Epochs, actual.Epochs);
        Xunit.Assert.Equal(expected.Converged, actual.Converged);
        Xunit.Assert.Equal(expected.MinHiddenMargin, actual.MinHiddenMargin);
        Xunit.Assert.Equal(expected.MinVisibleMargin, actual.MinVisibleMargin);
        for (int b = 0; b < expected.Networks; b++)
        {
            Xunit.Assert.Equal(expected.HiddenGateFraction(b).ToArray(), actual.HiddenGateFraction(b).ToArray());
            Xunit.Assert.Equal(expected.VisibleGateFraction(b).ToArray(), actual.VisibleGateFraction(b).ToArray());
        }
    }

    /// <summary>The N = 4 open sequence whose transitions are not linearly separable without biases (neuron 2).</summary>
    public static SequenceBatch NonSeparable() => new(
        [1, 1, -1, 1, 1, 1, -1, -1, 1, -1, 1, -1, -1, 1, -1, -1, -1, 1, 1, -1], 1, 5, 4, SequenceBoundary.Open);

    /// <summary>(W x + b)_j for row-major W (rows × x.Length), recomputed here rather than taken from the engine.</summary>
    public static double Field(ReadOnlySpan<double> w, ReadOnlySpan<double> bias, int row, ReadOnlySpan<double> x)
    {
        double sum = bias.IsEmpty ? 0 : bias[row];
        for (int k = 0; k < x.Length; k++)
            sum += w[row * x.Length + k] * x[k];
        return sum;
    }

    public static double[] AsDouble(ReadOnlySpan<sbyte> pattern) => [.. pattern.ToArray().Select(v => (double)v)];

    /// <summary>The hidden state of network b for input x: code(sgn(Uξ + b_U)).</summary>
    public static double[] Hidden(TrainingResult nets, int b, double[] x)
    {
        int m = nets.Hidden;
        var y = new double[m];
        var bias = nets.HiddenBias.AsSpan(b * m, m);
        for (int i = 0; i < m; i++)
        {
            bool on = Field(nets.UOf(b), bias, i, x) >= 0;
            y[i] = on ? 1 : nets.Options.HiddenCode == HiddenCode.ZeroOne ? 0 : -1;
        }
        return y;
    }
}
