using System.Numerics;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// All recall trials of one hidden or visible-only network stepped together with float32 weights (used when every
/// weight is a float32 value, see <see cref="FastWeights{T}.FloatExact"/>): each step turns the live trials' states
/// into one matrix product per layer (<see cref="TrialProduct"/>) instead of a mat-vec per trial. Trials leave the
/// batch as soon as their outcome is known. The success criteria are <see cref="RecallTrial"/>'s, trial by trial:
/// exact from the first step, or a search of at most SearchSteps + 1 checks for a stored pattern (first occurrence)
/// followed by the stored sequence from there.
/// </summary>
internal sealed class BatchedTrials
{
    private readonly SequenceBatch seq;
    private readonly int network, n, m, trials, np, mp;
    private readonly float[] first, firstBias, second, secondBias;
    private readonly bool zeroOne;
    private readonly float[] x, hiddenFields, y, visibleFields;
    private readonly sbyte[] states, next;
    private readonly int[] active, tau, remaining, searched;

    /// <param name="trained">Its U, V (hidden variants) or W (visible perceptron) must be float32 values.</param>
    public BatchedTrials(TrainingResult trained, int network, int trials)
    {
        seq = trained.Sequences;
        this.network = network;
        this.trials = trials;
        n = seq.Visible;
        bool hidden = trained.Variant is NetworkVariant.HiddenUV or NetworkVariant.HiddenVOnly;
        m = hidden ? trained.Hidden : 0;
        zeroOne = trained.Options.HiddenCode == HiddenCode.ZeroOne;
        np = TrialProduct.Padded(n);
        mp = TrialProduct.Padded(m);
        var visibleBias = TrialProduct.Pad(trained.VisibleBias.AsSpan(network * n, n));
        if (hidden)
        {
            first = TrialProduct.Transpose(trained.UOf(network), m, n);
            firstBias = TrialProduct.Pad(trained.HiddenBias.AsSpan(network * m, m));
            second = TrialProduct.Transpose(trained.VOf(network), n, m);
            secondBias = visibleBias;
        }
        else
        {
            first = TrialProduct.Transpose(trained.WOf(network), n, n);
            firstBias = visibleBias;
            second = secondBias = [];
        }
        x = new float[trials * n];
        hiddenFields = new float[trials * mp];
        y = new float[trials * mp];
        visibleFields = new float[trials * np];
        states = new sbyte[trials * n];
        next = new sbyte[trials * n];
        active = new int[trials];
        tau = new int[trials];
        remaining = new int[trials];
        searched = new int[trials];
    }

    /// <summary>Runs every trial from its start state (trials × N) and writes its outcome.</summary>
    public void Run(ReadOnlySpan<sbyte> starts, RecallCriterion criterion, int searchSteps, Span<bool> success)
    {
        starts.CopyTo(states);
        int live = 0;
        for (int r = 0; r < trials; r++)
        {
            success[r] = false;
            active[live++] = r;
            // −1: still searching for a stored pattern; otherwise following the sequence from pattern τ.
            tau[r] = -1;
            searched[r] = 0;
            if (criterion == RecallCriterion.ExactFromFirstStep)
                Follow(r, 0);
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

    /// <summary>Searching trials check for a stored pattern; a trial with nothing left to follow succeeds now.</summary>
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
                        break;
                    }
                }
            }
            if (tau[r] >= 0 && remaining[r] <= 0)
            {
                success[r] = true;
                continue;
            }
            active[kept++] = r;
        }
        return kept;
    }

    /// <summary>After the step: followers must land on the next stored pattern; searchers spend one of their steps.</summary>
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
            active[kept++] = r;
        }
        return kept;
    }

    /// <summary>next = F(states) for the live trials.</summary>
    private void Step(int live)
    {
        for (int a = 0; a < live; a++)
        {
            int r = active[a];
            for (int k = 0; k < n; k++)
                x[r * n + k] = states[r * n + k];
        }
        float[] output;
        if (m > 0)
        {
            TrialProduct.Compute(first, firstBias, n, x, n, active, live, hiddenFields);
            var one = Vector<float>.One;
            var low = zeroOne ? Vector<float>.Zero : -one;
            for (int a = 0; a < live; a++)
            {
                int row = active[a] * mp;
                for (int v = 0; v < mp; v += Vector<float>.Count)
                    Vector.ConditionalSelect(Vector.GreaterThanOrEqual(new Vector<float>(hiddenFields.AsSpan(row + v)), Vector<float>.Zero), one, low)
                        .CopyTo(y.AsSpan(row + v));
            }
            TrialProduct.Compute(second, secondBias, m, y, mp, active, live, visibleFields);
            output = visibleFields;
        }
        else
        {
            TrialProduct.Compute(first, firstBias, n, x, n, active, live, visibleFields);
            output = visibleFields;
        }
        for (int a = 0; a < live; a++)
        {
            int r = active[a];
            for (int j = 0; j < n; j++)
                next[r * n + j] = output[r * np + j] >= 0 ? (sbyte)1 : (sbyte)-1;
        }
    }
}
