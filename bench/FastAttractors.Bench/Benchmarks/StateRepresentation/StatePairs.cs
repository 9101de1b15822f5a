namespace FastAttractors.Bench.Benchmarks.StateRepresentation;

/// <summary>
/// Pairs (state, stored pattern) of n ±1 neurons, held in all three representations (padded strides, see
/// <see cref="PackedStates"/>), with <see cref="Check"/> comparing every kernel of <see cref="StateComparisons"/>
/// on every pair with a float64 loop over the sbyte values.
/// </summary>
internal sealed class StatePairs
{
    private readonly int n, count, fp, sp, words;
    private readonly sbyte[] states, patterns;
    private float[] floatStates = [], floatPatterns = [];
    private sbyte[] sbyteStates = [], sbytePatterns = [];
    private ulong[] bitStates = [], bitPatterns = [];

    public StatePairs(int n, int count, bool identical, int seed)
    {
        this.n = n;
        this.count = count;
        fp = PackedStates.FloatPadded(n);
        sp = PackedStates.SbytePadded(n);
        words = PackedStates.Words(n);
        var random = new Random(seed);
        states = new sbyte[count * n];
        patterns = new sbyte[count * n];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = random.Next(2) == 0 ? (sbyte)-1 : (sbyte)1;
            patterns[i] = identical ? states[i] : random.Next(2) == 0 ? (sbyte)-1 : (sbyte)1;
        }
        Pack();
    }

    public ReadOnlySpan<float> FloatState(int p) => floatStates.AsSpan(p * fp, fp);
    public ReadOnlySpan<float> FloatPattern(int p) => floatPatterns.AsSpan(p * fp, fp);
    public ReadOnlySpan<sbyte> SbyteState(int p) => sbyteStates.AsSpan(p * sp, sp);
    public ReadOnlySpan<sbyte> SbytePattern(int p) => sbytePatterns.AsSpan(p * sp, sp);
    public ReadOnlySpan<ulong> BitState(int p) => bitStates.AsSpan(p * words, words);
    public ReadOnlySpan<ulong> BitPattern(int p) => bitPatterns.AsSpan(p * words, words);

    /// <summary>Makes every pattern differ from its state in neuron n − 1 only (the last vector lane or bit used).</summary>
    public void FlipLastNeuronOfPatterns()
    {
        for (int p = 0; p < count; p++)
            patterns[p * n + n - 1] = (sbyte)-patterns[p * n + n - 1];
        Pack();
    }

    public void Check()
    {
        for (int p = 0; p < count; p++)
        {
            double differing = 0;
            for (int k = 0; k < n; k++)
                differing += (double)states[p * n + k] != patterns[p * n + k] ? 1.0 : 0.0;
            bool equal = differing == 0;
            Expect("Equal(float32)", p, StateComparisons.Equal(FloatState(p), FloatPattern(p)) == equal);
            Expect("Equal(sbyte)", p, StateComparisons.Equal(SbyteState(p), SbytePattern(p)) == equal);
            Expect("Equal(bits)", p, StateComparisons.Equal(BitState(p), BitPattern(p)) == equal);
            Expect("Hamming(float32)", p, StateComparisons.Hamming(FloatState(p), FloatPattern(p)) == differing);
            Expect("Hamming(sbyte)", p, StateComparisons.Hamming(SbyteState(p), SbytePattern(p)) == differing);
            Expect("Hamming(bits)", p, StateComparisons.Hamming(BitState(p), BitPattern(p)) == differing);
        }
    }

    private void Expect(string kernel, int pair, bool agrees)
    {
        if (!agrees)
            throw new InvalidOperationException($"{kernel} disagrees with the float64 loop on pair {pair} (n = {n})");
    }

    private void Pack()
    {
        floatStates = new float[count * fp];
        floatPatterns = new float[count * fp];
        sbyteStates = new sbyte[count * sp];
        sbytePatterns = new sbyte[count * sp];
        bitStates = new ulong[count * words];
        bitPatterns = new ulong[count * words];
        for (int p = 0; p < count; p++)
        {
            var s = states.AsSpan(p * n, n);
            var t = patterns.AsSpan(p * n, n);
            PackedStates.ToFloat(s, floatStates.AsSpan(p * fp, fp));
            PackedStates.ToFloat(t, floatPatterns.AsSpan(p * fp, fp));
            PackedStates.ToSbyte(s, sbyteStates.AsSpan(p * sp, sp));
            PackedStates.ToSbyte(t, sbytePatterns.AsSpan(p * sp, sp));
            PackedStates.ToBits(s, bitStates.AsSpan(p * words, words));
            PackedStates.ToBits(t, bitPatterns.AsSpan(p * words, words));
        }
    }
}
