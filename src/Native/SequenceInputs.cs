namespace FastAttractors.Native;

/// <summary>Sequence batches, training options and trained networks built from C arrays (network-major, row-major, as the engine stores them).</summary>
internal static unsafe class SequenceInputs
{
    /// <summary>Checks the counts, the length and the pointer of a pattern array without reading it; returns its length.</summary>
    public static long CheckPatterns(sbyte* patterns, long patternsLength, int networks, int length, int visible)
    {
        NativeArrays.Count(networks, "networks");
        NativeArrays.Count(length, "length", minimum: 2);
        NativeArrays.Count(visible, "visible");
        long expected = ElementCounts.Product("networks", "the patterns need networks·length·visible", networks, length, visible);
        NativeArrays.RequireLength(patternsLength, expected, "patterns", $"networks·length·visible = {networks}·{length}·{visible}");
        NativeArrays.RequirePointer(patterns, "patterns");
        return expected;
    }

    /// <summary>The batch of a pattern array already checked by <see cref="CheckPatterns"/> (the engine checks the ±1 values).</summary>
    public static SequenceBatch Batch(sbyte* patterns, long count, int networks, int length, int visible) =>
        new(new ReadOnlySpan<sbyte>(patterns, checked((int)count)).ToArray(), networks, length, visible);

    /// <summary>U (hidden × visible) and V (visible × hidden) of every network: networks·hidden·visible values each.</summary>
    public static long WeightCount(int networks, int hidden, int visible)
    {
        NativeArrays.Count(hidden, "hidden");
        return ElementCounts.Product("hidden", "U and V need networks·hidden·visible", networks, hidden, visible);
    }

    /// <summary>The main variant of the margin rule (U and V learned, ±1 hidden code, batch schedule), with the caller's M, κ, η, epochs and seed.</summary>
    public static TrainingOptions Options(int hidden, double kappa, double eta, int maxEpochs, ulong seed) => new()
    {
        Variant = NetworkVariant.HiddenUV,
        Hidden = hidden,
        Kappa = kappa,
        Eta = eta,
        MaxEpochs = maxEpochs,
        Seed = seed,
    };

    /// <summary>U+V networks given by their weights (no biases), as if trained: what recall needs, nothing of the training statistics.</summary>
    public static TrainingResult Trained(SequenceBatch batch, int hidden, double[] u, double[] v, Backend backend)
    {
        int networks = batch.Networks;
        for (int k = 0; k < u.Length; k++)
        {
            if (!double.IsFinite(u[k]))
                throw new ArgumentException($"u: value {u[k]} at index {k} is not finite.", "u");
        }
        for (int k = 0; k < v.Length; k++)
        {
            if (!double.IsFinite(v[k]))
                throw new ArgumentException($"v: value {v[k]} at index {k} is not finite.", "v");
        }
        var none = Enumerable.Range(0, networks).Select(_ => Array.Empty<double>()).ToArray();
        var unknown = Enumerable.Repeat(double.NaN, networks).ToArray();
        return new TrainingResult(batch, Options(hidden, 1, 1e-3, 1, 1), hidden, backend,
            u, v, [], new double[(long)networks * hidden], new double[(long)networks * batch.Visible],
            new int[networks], new bool[networks], none, none, unknown, (double[])unknown.Clone());
    }
}
