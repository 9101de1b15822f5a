namespace FastAttractors;

/// <summary>
/// Sequences of distinct random ±1 patterns (docs/how-to/get-sequence-data.md), each unit +1 or −1 with probability ½,
/// drawn from <see cref="CounterRandom"/>: sequence b of a batch is a pure function of (seed, b), so a batch of any size
/// starts with the same sequences, and one sequence can be regenerated alone.
/// </summary>
public static class RandomSequences
{
    // A pattern that repeats an earlier one is redrawn from fresh counters; this many failures means the requested
    // length is (practically) beyond the number of distinct patterns, which the 2^N check below already rules out
    // for small N, so reaching it signals a broken generator rather than bad luck.
    private const int MaxRedraws = 1 << 16;

    /// <summary><paramref name="batch"/> sequences; element b equals <c>Single(length, width, seed, b)</c>.</summary>
    public static BinarySequence[] Batch(int length, int width, int batch, ulong seed)
    {
        if (batch < 1)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"A batch needs at least 1 sequence; got {batch}.");
        var sequences = new BinarySequence[batch];
        for (int b = 0; b < batch; b++)
            sequences[b] = Single(length, width, seed, b);
        return sequences;
    }

    /// <summary>Sequence <paramref name="index"/> of the batch with <paramref name="seed"/>: T distinct patterns of width N.</summary>
    public static BinarySequence Single(int length, int width, ulong seed, long index = 0)
    {
        CheckShape(length, width);
        if (index < 0)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Sequence index must be ≥ 0; got {index}.");

        ulong stream = CounterRandom.Stream(index, CounterRandom.Purpose.Patterns);
        int words = (width + 63) / 64;
        var patterns = new sbyte[(long)length * width];
        var seen = new HashSet<ReadOnlyMemory<sbyte>>(PatternComparer.Instance);
        ulong draw = 0; // counts pattern draws, redraws included, so each draw uses its own counters
        for (int t = 0; t < length; t++)
        {
            var pattern = patterns.AsMemory(t * width, width);
            for (int attempt = 0; ; attempt++, draw++)
            {
                if (attempt == MaxRedraws)
                    throw new InvalidOperationException(
                        $"Pattern {t} of width {width} repeated an earlier one {MaxRedraws} times in a row (seed {seed}, index {index}).");
                Fill(pattern.Span, seed, stream, draw * (ulong)words);
                if (seen.Add(pattern))
                {
                    draw++;
                    break;
                }
            }
        }
        return new BinarySequence(length, width, patterns,
            $"random(T={length}, N={width}, seed={seed}, index={index}, redraws={draw - (ulong)length})")
        {
            FrameRows = SquarishRows(width),
        };
    }

    private static void Fill(Span<sbyte> pattern, ulong seed, ulong stream, ulong firstCounter)
    {
        ulong bits = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            if ((i & 63) == 0)
                bits = CounterRandom.Bits(seed, stream, firstCounter + (ulong)(i >> 6));
            pattern[i] = (sbyte)((bits & 1) == 0 ? -1 : 1);
            bits >>= 1;
        }
    }

    private static void CheckShape(int length, int width)
    {
        if (length < 2)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A sequence needs at least 2 patterns (T ≥ 2); got {length}.");
        if (width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"A pattern needs at least 1 unit (N ≥ 1); got {width}.");
        if (width < 31 && length > 1 << width)
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"Only 2^{width} = {1 << width} distinct patterns of width {width} exist; got T = {length}.");
    }

    // The plotting view of a plain pattern: the most nearly square rows × columns factorisation (10 × 10 for N = 100).
    private static int SquarishRows(int width)
    {
        for (int rows = (int)Math.Sqrt(width); rows > 1; rows--)
            if (width % rows == 0)
                return rows;
        return 1;
    }
}
