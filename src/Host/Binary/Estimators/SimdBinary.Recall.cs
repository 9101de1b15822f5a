namespace FastAttractors.Binary.Estimators;

internal sealed partial class SimdBinary
{
    /// <summary>
    /// Networks spread over cores; the flips are <see cref="FlipNoise"/>'s, so trial r of network b starts from the same
    /// state as on every backend. Hidden and perceptron networks step all their trials together, anchored at the
    /// stored patterns (<see cref="BatchedTrials"/>), when their float32 sums are exact (<see cref="ExactSums"/>, decided
    /// network by network); other networks step trial by trial with <see cref="FastStep{T}"/> in float64. Hebbian
    /// (W = integer/N, whose fields can be exactly 0 and must round as the Reference's do) and Long Sequence Hopfield
    /// (exp/pow of overlaps) step with the Reference's <see cref="NetworkStep"/>.
    /// </summary>
    public RecallResult Recall(RecallPlan plan) => Recall(plan, out _);

    /// <summary>As <see cref="Recall(RecallPlan)"/>, also counting how the batched networks' steps were done.</summary>
    internal RecallResult Recall(RecallPlan plan, out RecallLayerSteps steps)
    {
        var trained = plan.Trained;
        bool hidden = trained.Variant is NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly;
        steps = default;
        if (hidden || trained.Variant == NetworkVariant.VisiblePerceptron)
            return RecallBatched(plan, hidden, out steps);
        return Recall(plan, b => new NetworkStep(trained, b).Next);
    }

    private RecallResult RecallBatched(RecallPlan plan, bool hidden, out RecallLayerSteps steps)
    {
        var trained = plan.Trained;
        var o = plan.Options;
        int trials = o.Trials;
        var success = new bool[trained.Networks * trials];
        // Converted only if some network's float32 sums are not exact (always, for V only's N(0,1) U).
        var float64 = new Lazy<FastWeights<double>>(() => new FastWeights<double>(trained, hidden));
        var total = default(RecallLayerSteps);
        var gate = new object();
        // One BatchedTrials per thread, loaded network after network: no large allocation per network.
        Parallel.For(0, trained.Networks, () => new BatchedTrials(trained, trials), (b, _, batch) =>
        {
            var outcome = success.AsSpan(b * trials, trials);
            if (batch.Load(b))
                batch.Run(o, plan.SearchSteps, outcome);
            else
                RecallNetwork(plan, b, new FastStep<double>(float64.Value, b).Next, outcome);
            return batch;
        },
        batch =>
        {
            lock (gate)
                total += batch.Steps;
        });
        steps = total;
        return new RecallResult(trained.Networks, trials, o, Backend, success);
    }

    private RecallResult Recall(RecallPlan plan, Func<int, Action<ReadOnlySpan<sbyte>, Span<sbyte>>> stepper)
    {
        var trained = plan.Trained;
        int trials = plan.Options.Trials;
        var success = new bool[trained.Networks * trials];
        // Whole networks per work item: one stepper (and its weights' cache lines) serves all of a network's trials.
        Parallel.For(0, trained.Networks, b => RecallNetwork(plan, b, stepper(b), success.AsSpan(b * trials, trials)));
        return new RecallResult(trained.Networks, trials, plan.Options, Backend, success);
    }

    /// <summary>Network b's trials one by one with the step function <paramref name="step"/>.</summary>
    private static void RecallNetwork(RecallPlan plan, int b, Action<ReadOnlySpan<sbyte>, Span<sbyte>> step, Span<bool> success)
    {
        var o = plan.Options;
        var seq = plan.Trained.Sequences;
        int n = seq.Visible;
        var state = new sbyte[n];
        var next = new sbyte[n];
        var flipped = new int[o.FlippedBits];
        for (int r = 0; r < o.Trials; r++)
        {
            seq.Pattern(b, 0).CopyTo(state);
            FlipNoise.Choose(o.Seed, b, r, n, o.FlippedBits, flipped);
            foreach (int k in flipped)
                state[k] = (sbyte)-state[k];
            success[r] = o.Criterion == RecallCriterion.ExactFromFirstStep
                ? RecallTrial.FollowsFrom(step, seq, b, 0, state, next)
                : RecallTrial.Reaches(step, seq, b, plan.SearchSteps, state, next);
        }
    }
}
