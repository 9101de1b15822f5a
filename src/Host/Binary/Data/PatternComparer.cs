namespace FastAttractors;

/// <summary>
/// Equality of ±1 patterns by content, so generators can find exact repeats with a hash set instead of comparing every
/// pair (T² · N for T in the hundreds and N = 4,096 would dominate generation).
/// </summary>
internal sealed class PatternComparer : IEqualityComparer<ReadOnlyMemory<sbyte>>
{
    public static readonly PatternComparer Instance = new();

    public bool Equals(ReadOnlyMemory<sbyte> x, ReadOnlyMemory<sbyte> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<sbyte> pattern)
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pattern.Span));
        return hash.ToHashCode();
    }

    /// <summary>The first pair (earlier, later) of identical patterns in <paramref name="patterns"/>, or null when all differ.</summary>
    public static (int First, int Second)? FirstRepeat(sbyte[] patterns, int length, int width)
    {
        var seen = new Dictionary<ReadOnlyMemory<sbyte>, int>(Instance);
        for (int t = 0; t < length; t++)
            if (!seen.TryAdd(patterns.AsMemory(t * width, width), t))
                return (seen[patterns.AsMemory(t * width, width)], t);
        return null;
    }
}
