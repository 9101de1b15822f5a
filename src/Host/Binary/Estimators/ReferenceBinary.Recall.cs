namespace FastAttractors.Binary.Estimators;

internal sealed partial class ReferenceBinary
{
    public RecallResult Recall(RecallPlan plan)
    {
        var trained = plan.Trained;
        var o = plan.Options;
        var seq = trained.Sequences;
        int n = seq.Visible, trials = o.Trials;
        var success = new bool[trained.Networks * trials];
        var state = new sbyte[n];
        var next = new sbyte[n];
        var flipped = new int[o.FlippedBits];
        for (int b = 0; b < trained.Networks; b++)
        {
            var step = new NetworkStep(trained, b);
            var index = PatternIndex(seq, b);
            for (int r = 0; r < trials; r++)
            {
                seq.Pattern(b, 0).CopyTo(state);
                FlipNoise.Choose(o.Seed, b, r, n, o.FlippedBits, flipped);
                foreach (int k in flipped)
                    state[k] = (sbyte)-state[k];
                success[b * trials + r] = o.Criterion == RecallCriterion.ExactFromFirstStep
                    ? FollowsFrom(step, seq, b, 0, state, next)
                    : Reaches(step, seq, b, index, plan.SearchSteps, state, next);
            }
        }
        return new RecallResult(trained.Networks, trials, o, Backend, success);
    }

    /// <summary>
    /// True when the states after 1, 2, … steps from <paramref name="state"/> are the stored successors of pattern τ:
    /// T of them when periodic, up to ξ(T) when open. <paramref name="state"/> is advanced in place.
    /// </summary>
    private static bool FollowsFrom(NetworkStep step, SequenceBatch seq, int b, int tau, sbyte[] state, sbyte[] next)
    {
        int steps = seq.Boundary == SequenceBoundary.Periodic ? seq.Length : seq.Length - 1 - tau;
        for (int s = 0; s < steps; s++)
        {
            step.Next(state, next);
            tau = seq.Successor(tau);
            if (!next.AsSpan().SequenceEqual(seq.Pattern(b, tau)))
                return false;
            next.CopyTo(state, 0);
        }
        return true;
    }

    /// <summary>Within <paramref name="searchSteps"/> steps the state hits a stored pattern with a successor, then follows the sequence.</summary>
    private static bool Reaches(NetworkStep step, SequenceBatch seq, int b, Dictionary<string, int> index, int searchSteps, sbyte[] state, sbyte[] next)
    {
        for (int s = 0; s <= searchSteps; s++)
        {
            if (index.TryGetValue(Key(state), out int tau))
                return FollowsFrom(step, seq, b, tau, state, next);
            step.Next(state, next);
            next.CopyTo(state, 0);
        }
        return false;
    }

    /// <summary>Each pattern that has a successor, at its first occurrence (a repeat has the same successor, by validation).</summary>
    private static Dictionary<string, int> PatternIndex(SequenceBatch seq, int b)
    {
        var index = new Dictionary<string, int>();
        for (int t = 0; t < seq.Transitions; t++)
            index.TryAdd(Key(seq.Pattern(b, t)), t);
        return index;
    }

    private static string Key(ReadOnlySpan<sbyte> pattern) => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pattern));
}
