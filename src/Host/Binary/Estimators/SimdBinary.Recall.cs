namespace FastAttractors.Binary.Estimators;

internal sealed partial class SimdBinary
{
    /// <summary>
    /// Networks spread over cores; the flips are <see cref="FlipNoise"/>'s, so trial r of network b starts from the same
    /// state as on every backend. Hidden and perceptron networks whose weights are float32 values (the dyadic grid)
    /// step all their trials together (<see cref="BatchedTrials"/>); other weights step trial by trial with
    /// <see cref="FastStep{T}"/> in float64. Hebbian (W = integer/N, whose fields can be exactly 0 and must round as the Reference's
    /// do) and Long Sequence Hopfield (exp/pow of overlaps) step with the Reference's <see cref="NetworkStep"/>.
    /// </summary>
    public RecallResult Recall(RecallPlan plan)
    {
        var trained = plan.Trained;
        var variant = trained.Variant;
        bool hidden = variant is NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly;
        bool fast = hidden || variant == NetworkVariant.VisiblePerceptron;
        Func<int, Action<ReadOnlySpan<sbyte>, Span<sbyte>>> stepper;
        if (!fast)
            stepper = b => new NetworkStep(trained, b).Next;
        else if (FastWeights<float>.FloatExact(trained))
            return RecallBatched(plan);
        else
        {
            var w = new FastWeights<double>(trained, hidden);
            stepper = b => new FastStep<double>(w, b).Next;
        }
        return Recall(plan, stepper);
    }

    private RecallResult RecallBatched(RecallPlan plan)
    {
        var trained = plan.Trained;
        var o = plan.Options;
        var seq = trained.Sequences;
        int n = seq.Visible, trials = o.Trials;
        var success = new bool[trained.Networks * trials];
        Parallel.For(0, trained.Networks, b =>
        {
            var starts = new sbyte[trials * n];
            var flipped = new int[o.FlippedBits];
            for (int r = 0; r < trials; r++)
            {
                var state = starts.AsSpan(r * n, n);
                seq.Pattern(b, 0).CopyTo(state);
                FlipNoise.Choose(o.Seed, b, r, n, o.FlippedBits, flipped);
                foreach (int k in flipped)
                    state[k] = (sbyte)-state[k];
            }
            new BatchedTrials(trained, b, trials).Run(starts, o.Criterion, plan.SearchSteps, success.AsSpan(b * trials, trials));
        });
        return new RecallResult(trained.Networks, trials, o, Backend, success);
    }

    private RecallResult Recall(RecallPlan plan, Func<int, Action<ReadOnlySpan<sbyte>, Span<sbyte>>> stepper)
    {
        var trained = plan.Trained;
        var o = plan.Options;
        var seq = trained.Sequences;
        int n = seq.Visible, trials = o.Trials;
        var success = new bool[trained.Networks * trials];
        // Whole networks per work item: one stepper (and its weights' cache lines) serves all of a network's trials.
        Parallel.For(0, trained.Networks, b =>
        {
            var step = stepper(b);
            var state = new sbyte[n];
            var next = new sbyte[n];
            var flipped = new int[o.FlippedBits];
            for (int r = 0; r < trials; r++)
            {
                seq.Pattern(b, 0).CopyTo(state);
                FlipNoise.Choose(o.Seed, b, r, n, o.FlippedBits, flipped);
                foreach (int k in flipped)
                    state[k] = (sbyte)-state[k];
                success[b * trials + r] = o.Criterion == RecallCriterion.ExactFromFirstStep
                    ? RecallTrial.FollowsFrom(step, seq, b, 0, state, next)
                    : RecallTrial.Reaches(step, seq, b, plan.SearchSteps, state, next);
            }
        });
        return new RecallResult(trained.Networks, trials, o, Backend, success);
    }
}
