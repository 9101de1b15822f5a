namespace FastAttractors.Binary.Estimators;

/// <summary>The two success criteria of a recall trial (see <see cref="RecallCriterion"/>), over any step function (the Reference's logic).</summary>
internal static class RecallTrial
{
    /// <summary>
    /// True when the states after 1, 2, … steps from <paramref name="state"/> are the stored successors of pattern τ:
    /// T of them when periodic, up to ξ(T) when open. <paramref name="state"/> is advanced in place.
    /// </summary>
    public static bool FollowsFrom(Action<ReadOnlySpan<sbyte>, Span<sbyte>> step, SequenceBatch seq, int b, int tau, sbyte[] state, sbyte[] next)
    {
        int steps = seq.Boundary == SequenceBoundary.Periodic ? seq.Length : seq.Length - 1 - tau;
        for (int s = 0; s < steps; s++)
        {
            step(state, next);
            tau = seq.Successor(tau);
            if (!next.AsSpan().SequenceEqual(seq.Pattern(b, tau)))
                return false;
            next.CopyTo(state, 0);
        }
        return true;
    }

    /// <summary>Within <paramref name="searchSteps"/> steps the state hits a stored pattern with a successor (its first occurrence), then follows the sequence.</summary>
    public static bool Reaches(Action<ReadOnlySpan<sbyte>, Span<sbyte>> step, SequenceBatch seq, int b, int searchSteps, sbyte[] state, sbyte[] next)
    {
        for (int s = 0; s <= searchSteps; s++)
        {
            // A scan of T patterns (vectorised compares) costs far less than the M×N step it sits beside.
            for (int t = 0; t < seq.Transitions; t++)
                if (state.AsSpan().SequenceEqual(seq.Pattern(b, t)))
                    return FollowsFrom(step, seq, b, t, state, next);
            step(state, next);
            next.CopyTo(state, 0);
        }
        return false;
    }
}
