namespace FastAttractors;

/// <summary>
/// B sequences, one per network, of T patterns of N values in {−1, +1}: pattern t of network b at
/// Patterns[(b·T + t)·N …]. Validated on construction: values ±1 only, T ≥ 2, and no pattern that occurs twice with
/// different successors (a network without hidden state cannot store it: its next state depends only on the current
/// one). A pattern repeated with the same successor is allowed.
/// </summary>
public sealed class SequenceBatch
{
    private readonly sbyte[] patterns;

    /// <summary>A validated batch (the patterns are copied).</summary>
    /// <param name="patterns">
    /// networks × length × visible values, each −1 or +1; pattern t of network b at (b·T + t)·N.
    /// </param>
    /// <param name="networks">B ≥ 1.</param>
    /// <param name="length">T ≥ 2.</param>
    /// <param name="visible">N ≥ 1.</param>
    /// <param name="boundary">Whether pattern T−1 leads back to pattern 0.</param>
    /// <remarks>
    /// Throws when a shape is wrong, a value is not ±1, or a pattern occurs twice with different successors.
    /// </remarks>
    public SequenceBatch(sbyte[] patterns, int networks, int length, int visible, SequenceBoundary boundary = SequenceBoundary.Periodic)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (networks < 1)
            throw new ArgumentOutOfRangeException(nameof(networks), networks, $"networks (B) must be at least 1, got {networks}.");
        if (length < 2)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length (T) must be at least 2 patterns, got {length}.");
        if (visible < 1)
            throw new ArgumentOutOfRangeException(nameof(visible), visible, $"visible (N) must be at least 1, got {visible}.");
        if (!Enum.IsDefined(boundary))
            throw new ArgumentOutOfRangeException(nameof(boundary), boundary, $"unknown boundary {boundary}; valid: {string.Join(", ", Enum.GetNames<SequenceBoundary>())}.");
        long expected = (long)networks * length * visible;
        if (patterns.LongLength != expected)
            throw new ArgumentException(
                $"patterns must hold networks × length × visible = {networks} × {length} × {visible} = {expected} values, got {patterns.LongLength}.", nameof(patterns));
        for (long i = 0; i < patterns.LongLength; i++)
        {
            if (patterns[i] is not (1 or -1))
            {
                long b = i / ((long)length * visible), t = i / visible % length, k = i % visible;
                throw new ArgumentException($"patterns: value {patterns[i]} at network {b}, pattern {t}, neuron {k} (index {i}); only −1 and +1 are allowed.", nameof(patterns));
            }
        }
        this.patterns = (sbyte[])patterns.Clone();
        Networks = networks;
        Length = length;
        Visible = visible;
        Boundary = boundary;
        for (int b = 0; b < networks; b++)
            RejectConflictingRepeats(b);
    }

    /// <summary>B: the number of networks, one sequence each.</summary>
    public int Networks { get; }

    /// <summary>T: patterns per sequence.</summary>
    public int Length { get; }

    /// <summary>N: visible neurons.</summary>
    public int Visible { get; }

    /// <summary>Periodic (the last pattern leads to the first) or open.</summary>
    public SequenceBoundary Boundary { get; }

    /// <summary>Transitions per sequence: T (periodic) or T − 1 (open).</summary>
    public int Transitions => Boundary == SequenceBoundary.Periodic ? Length : Length - 1;

    /// <summary>Pattern t (0-based) of network b.</summary>
    public ReadOnlySpan<sbyte> Pattern(int network, int t) => patterns.AsSpan(((network * Length) + t) * Visible, Visible);

    /// <summary>The index of the pattern that follows pattern t: t + 1, wrapping to 0 when periodic.</summary>
    public int Successor(int t) => t + 1 < Length ? t + 1 : 0;

    /// <summary>A copy of all patterns in the layout of the constructor.</summary>
    public sbyte[] ToArray() => (sbyte[])patterns.Clone();

    private void RejectConflictingRepeats(int b)
    {
        // Hashing keeps the check O(T·N) for the long sequences of the capacity experiments.
        var first = new Dictionary<string, int>();
        for (int t = 0; t < Transitions; t++)
        {
            string key = Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Pattern(b, t)));
            if (!first.TryGetValue(key, out int earlier))
            {
                first[key] = t;
                continue;
            }
            if (!Pattern(b, Successor(earlier)).SequenceEqual(Pattern(b, Successor(t))))
                throw new ArgumentException(
                    $"patterns: sequence {b} has pattern {t} equal to pattern {earlier} but their successors {Successor(t)} and {Successor(earlier)} differ; "
                    + "no network whose next state depends only on the visible state can store it.", "patterns");
        }
    }
}
