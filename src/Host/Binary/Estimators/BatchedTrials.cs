using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// All recall trials of one hidden or visible-only network at a time, in float32, when its sums are exact
/// (<see cref="ExactSums"/>). A thread keeps one instance and <see cref="Load"/>s network after network into the same
/// buffers. Every stored pattern ξ_a is an anchor with precomputed fields (<see cref="AnchorFields"/>); each trial
/// carries an anchor a and the set D of inputs where its state differs from ξ_a:
/// <list type="bullet">
/// <item>D = ∅: the next state is sgn(F_a), no arithmetic; a follower on its pattern walks the rest of its run
/// along the anchors' precomputed "ξ_a steps to ξ_{a+1}" flags at once;</item>
/// <item>|D| small: h = H_a + Σ_{j∈D} 2x_j·U[:, j] (<see cref="DeltaFields"/>), then over the hidden units D^h whose
/// code changed F = F_a + Σ_{i∈D^h} (ζ_i − ζ_a,i)·V[:, i];</item>
/// <item>otherwise, layer by layer, one matrix product over those trials (<see cref="TrialProduct"/>).</item>
/// </list>
/// After a step a follower's anchor is its new pattern (D = ∅); a searcher's is the successor of its old anchor, or,
/// when that is far (and at the open end, where ξ(T) has none), the nearest stored pattern. Exact sums make every path
/// equal the Reference bit for bit. Trials leave as soon as their outcome is known; the success criteria are
/// <see cref="RecallTrial"/>'s: exact from the first step, or a search of at most SearchSteps + 1 checks for a stored
/// pattern (first occurrence) followed by the stored sequence from there.
/// </summary>
internal sealed class BatchedTrials
{
    /// <summary>
    /// A changed column costs a delta layer about twice what a column costs the dense product per trial (one weight load
    /// per FMA against 6 loads per 8 FMAs in <see cref="TrialProduct"/>'s 4-trial tiles). Measured at W7's shapes
    /// (2-core Zen 5 guest, under load): 400 × 100, dense 1.07 µs per trial, delta with |D| = 50 1.00 µs; 100 × 400,
    /// dense 1.14 µs, |D^h| = 200 1.18 µs. So a layer goes delta while |D| ≤ columns / 2.
    /// </summary>
    private const int DeltaCostRatio = 2;

    private readonly SequenceBatch seq;
    private readonly FloatNetwork weights;
    private readonly AnchorFields anchors;
    private readonly int n, m, trials, length, firstPadded, mp, np, firstLimit, secondLimit;
    private readonly float[] x, firstFields, y, visibleFields, coef;
    private readonly sbyte[] states, next;
    private readonly int[] active, tau, remaining, searched, anchor, differ, diff, dense, pending, changed, flipped;
    private int network;
    private long anchored, deltaLayers, denseLayers, anchorsComputed;

    /// <param name="trained">Hidden (U+V, V only) or visible perceptron networks; each is checked on <see cref="Load"/>.</param>
    public BatchedTrials(TrainingResult trained, int trials)
    {
        seq = trained.Sequences;
        weights = new FloatNetwork(trained);
        length = seq.Length;
        anchors = new AnchorFields(weights, seq);
        this.trials = trials;
        n = weights.N;
        m = weights.M;
        firstPadded = weights.FirstPadded;
        mp = weights.HiddenPadded;
        np = weights.VisiblePadded;
        firstLimit = n / DeltaCostRatio;
        secondLimit = m / DeltaCostRatio;
        x = new float[trials * n];
        firstFields = new float[trials * firstPadded];
        y = new float[trials * mp];
        visibleFields = new float[trials * np];
        coef = new float[Math.Max(n, m)];
        changed = new int[Math.Max(n, m)];
        states = new sbyte[trials * n];
        next = new sbyte[trials * n];
        active = new int[trials];
        tau = new int[trials];
        remaining = new int[trials];
        searched = new int[trials];
        anchor = new int[trials];
        differ = new int[trials];
        diff = new int[trials * n];
        dense = new int[trials];
        pending = new int[trials];
        flipped = new int[n];
    }

    /// <summary>The steps taken so far by this instance, over all networks it ran.</summary>
    public RecallLayerSteps Steps => new(anchored, deltaLayers, denseLayers, anchorsComputed + anchors.Computed);

    /// <summary>Loads network b; false when its float32 sums are not exact (then it must take the float64 path).</summary>
    public bool Load(int network)
    {
        if (!weights.Load(network))
            return false;
        this.network = network;
        anchorsComputed += anchors.Computed;
        anchors.Reset(network);
        return true;
    }

    /// <summary>Runs every trial of the loaded network from its <see cref="FlipNoise"/> start and writes its outcome.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(RecallOptions options, int searchSteps, Span<bool> success)
    {
        int live = 0, k = options.FlippedBits;
        for (int r = 0; r < trials; r++)
        {
            var state = states.AsSpan(r * n, n);
            seq.Pattern(network, 0).CopyTo(state);
            FlipNoise.Choose(options.Seed, network, r, n, k, flipped);
            foreach (int j in flipped.AsSpan(0, k))
                state[j] = (sbyte)-state[j];
            success[r] = false;
            active[live++] = r;
            // −1: still searching for a stored pattern; otherwise following the sequence from pattern τ.
            tau[r] = -1;
            searched[r] = 0;
            if (options.Criterion == RecallCriterion.ExactFromFirstStep)
                Follow(r, 0);
            Anchor(r, 0);
        }
        while (live > 0)
        {
            live = Enter(live, success);
            if (live == 0)
                break;
            Step(live);
            live = Judge(live, success, searchSteps);
        }
    }

    private void Follow(int r, int from)
    {
        tau[r] = from;
        remaining[r] = seq.Boundary == SequenceBoundary.Periodic ? seq.Length : seq.Length - 1 - from;
    }

    /// <summary>
    /// Anchors trial r at <paramref name="candidate"/> (−1: none), or at the nearest stored pattern when the candidate
    /// is too far for a delta layer: a scan of T patterns costs T·N byte compares, a dense layer N·M FMAs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Anchor(int r, int candidate)
    {
        var state = states.AsSpan(r * n, n);
        int best = candidate, distance = candidate >= 0 ? Distance(state, candidate) : int.MaxValue;
        if (distance > firstLimit)
        {
            for (int a = 0; a < length && distance > 0; a++)
            {
                int d = Distance(state, a);
                if (d < distance)
                    (best, distance) = (a, d);
            }
        }
        anchor[r] = best;
        differ[r] = distance;
        if (distance > firstLimit)
            return;
        var pattern = seq.Pattern(network, best);
        int count = 0;
        for (int j = 0; j < n && count < distance; j++)
            if (state[j] != pattern[j])
                diff[r * n + count++] = j;
    }

    private int Distance(ReadOnlySpan<sbyte> state, int a) => TensorPrimitives.HammingDistance(state, seq.Pattern(network, a));

    /// <summary>Searching trials check for a stored pattern; a trial with nothing left to follow succeeds now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Enter(int live, Span<bool> success)
    {
        int kept = 0;
        for (int a = 0; a < live; a++)
        {
            int r = active[a];
            if (tau[r] < 0)
            {
                var state = states.AsSpan(r * n, n);
                for (int t = 0; t < seq.Transitions; t++)
                {
                    if (state.SequenceEqual(seq.Pattern(network, t)))
                    {
                        Follow(r, t);
                        anchor[r] = t;
                        differ[r] = 0;
                        break;
                    }
                }
            }
            if (tau[r] >= 0 && remaining[r] <= 0)
            {
                success[r] = true;
                continue;
            }
            if (tau[r] >= 0 && differ[r] == 0 && anchor[r] == tau[r])
            {
                // On its pattern: the rest of the run is a walk along the anchors' precomputed steps.
                success[r] = Walk(tau[r], remaining[r]);
                continue;
            }
            active[kept++] = r;
        }
        return kept;
    }

    /// <summary>True when <paramref name="steps"/> steps from ξ_from each land on the next stored pattern.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Walk(int from, int steps)
    {
        for (int s = 0, a = from; s < steps; s++, a = seq.Successor(a))
        {
            anchored++;
            anchors.Ensure(a);
            if (!anchors.Follows[a])
                return false;
        }
        return true;
    }

    /// <summary>
    /// After the step: followers must land on the next stored pattern (which becomes their anchor, D = ∅); searchers
    /// spend one of their steps and re-anchor.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Judge(int live, Span<bool> success, int searchSteps)
    {
        int kept = 0;
        for (int a = 0; a < live; a++)
        {
            int r = active[a];
            var after = next.AsSpan(r * n, n);
            if (tau[r] >= 0)
            {
                tau[r] = seq.Successor(tau[r]);
                if (!after.SequenceEqual(seq.Pattern(network, tau[r])))
                    continue;
                if (--remaining[r] == 0)
                {
                    success[r] = true;
                    continue;
                }
            }
            else if (++searched[r] > searchSteps)
            {
                continue;
            }
            after.CopyTo(states.AsSpan(r * n, n));
            if (tau[r] >= 0)
            {
                anchor[r] = tau[r];
                differ[r] = 0;
            }
            else
            {
                // The open sequence's last pattern has no successor to expect: the nearest pattern then.
                bool hasSuccessor = seq.Boundary == SequenceBoundary.Periodic || anchor[r] < length - 1;
                Anchor(r, hasSuccessor ? seq.Successor(anchor[r]) : -1);
            }
            active[kept++] = r;
        }
        return kept;
    }

    /// <summary>next = F(states) for the live trials: from the anchor, by deltas, or densely, layer by layer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step(int live)
    {
        int pend = 0, denseCount = 0;
        for (int a = 0; a < live; a++)
        {
            int r = active[a], d = differ[r];
            if (d == 0)
            {
                anchors.Ensure(anchor[r]);
                anchors.Next.AsSpan(anchor[r] * n, n).CopyTo(next.AsSpan(r * n, n));
                anchored++;
                continue;
            }
            if (d <= firstLimit)
            {
                // x_j − ξ_a,j = 2x_j on a changed input.
                var cols = diff.AsSpan(r * n, d);
                for (int t = 0; t < d; t++)
                    coef[t] = 2 * states[r * n + cols[t]];
                anchors.Ensure(anchor[r]);
                DeltaFields.Add(weights.First, firstPadded, anchors.First.AsSpan(anchor[r] * firstPadded, firstPadded), cols, coef.AsSpan(0, d),
                    firstFields.AsSpan(r * firstPadded, firstPadded));
                deltaLayers++;
            }
            else
            {
                for (int k = 0; k < n; k++)
                    x[r * n + k] = states[r * n + k];
                dense[denseCount++] = r;
                denseLayers++;
            }
            pending[pend++] = r;
        }
        if (denseCount > 0)
            TrialProduct.Compute(weights.First, weights.FirstBias, n, x, n, dense, denseCount, firstFields);
        if (m == 0)
        {
            for (int p = 0; p < pend; p++)
            {
                int r = pending[p];
                FloatSigns.Visible(firstFields.AsSpan(r * firstPadded, n), next.AsSpan(r * n, n));
            }
            return;
        }
        denseCount = 0;
        for (int p = 0; p < pend; p++)
        {
            int r = pending[p];
            var code = y.AsSpan(r * mp, mp);
            FloatSigns.Code(firstFields.AsSpan(r * mp, mp), code, weights.ZeroOne);
            var anchorCode = anchors.Codes.AsSpan(anchor[r] * mp, mp);
            // A trial whose first layer went dense is far from its anchor: it uses the anchor's code only if some
            // other trial already paid for it.
            int count = 0, limit = anchors.IsReady(anchor[r]) ? secondLimit : -1;
            for (int i = 0; i < m && count <= limit; i++)
            {
                if (code[i] != anchorCode[i])
                {
                    changed[count] = i;
                    coef[count++] = code[i] - anchorCode[i];
                }
            }
            if (count <= limit)
            {
                var fields = visibleFields.AsSpan(r * np, np);
                DeltaFields.Add(weights.Second, np, anchors.Visible.AsSpan(anchor[r] * np, np), changed.AsSpan(0, count), coef.AsSpan(0, count), fields);
                FloatSigns.Visible(fields[..n], next.AsSpan(r * n, n));
                deltaLayers++;
            }
            else
            {
                dense[denseCount++] = r;
                denseLayers++;
            }
        }
        if (denseCount == 0)
            return;
        TrialProduct.Compute(weights.Second, weights.SecondBias, m, y, mp, dense, denseCount, visibleFields);
        for (int p = 0; p < denseCount; p++)
        {
            int r = dense[p];
            FloatSigns.Visible(visibleFields.AsSpan(r * np, n), next.AsSpan(r * n, n));
        }
    }
}
