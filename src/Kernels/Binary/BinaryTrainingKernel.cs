using ILGPU;

namespace FastAttractors.Kernels.Binary;

/// <summary>
/// Trains hidden (HiddenUV, HiddenVOnly) and visible perceptron networks by the gated margin rule (docs/explanations/binary-margin-rule.md), one
/// network per group, the group's threads splitting the rows (online) or the (row, transition) pairs and the weight
/// elements (batch), every epoch inside the launch until an epoch opens no gate or MaxEpochs. Mirrors
/// ReferenceBinary.TrainHidden / TrainVisible step for step (see <see cref="MarginLayer"/> for the summation order);
/// the schedule and variant are launch-uniform flags. Explicitly grouped: launch with one group per network.
/// </summary>
public static class BinaryTrainingKernel
{
    /// <summary>The largest group the kernel supports (the CUDA and OpenCL limit on common devices).</summary>
    public const int MaxGroupSize = 1024;

    /// <summary>
    /// Kernel entry (one group per network): trains network FirstNetwork + group index until an epoch opens no gate or
    /// <see cref="BinaryTrainingShape.MaxEpochs"/> epochs.
    /// </summary>
    public static void Run(BinaryTrainingShape s, BinaryTrainingBuffers v)
    {
        int g = Grid.IdxX, tid = Group.IdxX, size = Group.DimX;
        var tally = v.Tally.SubView(g * 2, 2);
        var minima = v.Minima.SubView(g * size, size);
        int b = s.FirstNetwork + g, n = s.Visible, m = s.Hidden, tr = s.Transitions;
        bool hidden = s.HiddenLayer != 0, learnU = s.LearnU != 0, online = s.Online != 0, bias = s.LearnBias != 0;
        double low = s.ZeroOne != 0 ? 0.0 : -1.0;

        var x = new PatternInputs(v.Patterns, b, s.Length, n);
        var next = new SuccessorTargets(v.Patterns, b, s.Length, n);
        var signs = new HiddenSignTargets(v.HiddenTargets, g * tr * m, m);
        var codes = v.HiddenCodes.SubView(g * tr * m, tr * m);
        var y = new CodeInputs(v.HiddenCodes, g * tr * m, m);
        var hiddenFields = v.HiddenFields.SubView(g * m * tr, m * tr);
        var visibleFields = v.VisibleFields.SubView(g * n * tr, n * tr);
        int cols = hidden ? m : n;
        var u = new LayerWeights(v.First.SubView(g * m * n, m * n), v.HiddenBias.SubView(g * m, m), m, n);
        var visible = new LayerWeights((hidden ? v.Second : v.First).SubView(g * n * cols, n * cols), v.VisibleBias.SubView(g * n, n), n, cols);

        // Fields of the starting weights: the first epoch's gates (U or W), or the fixed hidden code (V only).
        if (hidden)
            MarginLayer.Fields(u, x, tr, hiddenFields, !learnU, codes, low, tid, size);
        else
            MarginLayer.Fields(visible, x, tr, visibleFields, false, codes, low, tid, size);
        Group.Barrier();

        int epochs = 0;
        bool converged = false;
        while (epochs < s.MaxEpochs && !converged)
        {
            if (tid == 0)
            {
                tally[0] = 0;
                tally[1] = 0;
            }
            Group.Barrier();
            int gh = 0, gv = 0;
            if (hidden)
            {
                if (learnU)
                {
                    if (online)
                    {
                        gh = MarginLayer.OnlineRows(u, x, signs, tr, s.Kappa, s.Eta, bias, true, codes, low, tid, size);
                    }
                    else
                    {
                        gh = MarginLayer.CountGates(hiddenFields, signs, m, tr, s.Kappa, tid, size);
                        MarginLayer.BatchUpdate(u, hiddenFields, x, signs, tr, s.Kappa, s.Eta, bias, tid, size);
                        Group.Barrier();
                        // The new U's fields give this epoch's hidden code and the next epoch's U gates.
                        MarginLayer.Fields(u, x, tr, hiddenFields, true, codes, low, tid, size);
                    }
                    Group.Barrier();
                }
                gv = VisibleEpoch(visible, y, next, visibleFields, s, online, bias, tid, size, true);
            }
            else
            {
                gv = VisibleEpoch(visible, x, next, visibleFields, s, online, bias, tid, size, false);
            }
            Atomic.Add(ref tally[0], gh);
            Atomic.Add(ref tally[1], gv);
            Group.Barrier();
            int hiddenGates = tally[0], visibleGates = tally[1];
            if (tid == 0)
            {
                int at = (g * s.MaxEpochs + epochs) * 2;
                v.GateCounts[at] = hiddenGates;
                v.GateCounts[at + 1] = visibleGates;
            }
            epochs++;
            converged = hiddenGates == 0 && visibleGates == 0;
            // Every thread has read the tally before thread 0 clears it for the next epoch.
            Group.Barrier();
        }

        // The end-of-training margins from the final weights (for online training the codes are recomputed with the final U).
        double hiddenMin = double.PositiveInfinity, visibleMin;
        if (hidden)
        {
            if (learnU)
            {
                MarginLayer.Fields(u, x, tr, hiddenFields, true, codes, low, tid, size);
                hiddenMin = MarginLayer.MinMargin(u, x, signs, tr, tid, size);
            }
            Group.Barrier();
            visibleMin = MarginLayer.MinMargin(visible, y, next, tr, tid, size);
        }
        else
        {
            visibleMin = MarginLayer.MinMargin(visible, x, next, tr, tid, size);
        }
        double groupHidden = GroupMin(minima, hiddenMin, tid, size);
        double groupVisible = GroupMin(minima, visibleMin, tid, size);
        if (tid == 0)
        {
            v.Status[g * 2] = epochs;
            v.Status[g * 2 + 1] = converged ? 1 : 0;
            v.Margins[g * 2] = groupHidden;
            v.Margins[g * 2 + 1] = groupVisible;
        }
    }

    /// <summary>One epoch of the visible layer (V on the hidden code, or W on the patterns); returns this thread's open gates.</summary>
    private static int VisibleEpoch<TIn>(LayerWeights l, TIn inputs, SuccessorTargets next, ArrayView<double> fields, BinaryTrainingShape s,
        bool online, bool bias, int tid, int size, bool fieldsFirst)
        where TIn : struct, ILayerInputs
    {
        if (online)
        {
            int gated = MarginLayer.OnlineRows(l, inputs, next, s.Transitions, s.Kappa, s.Eta, bias, false, fields, 0, tid, size);
            Group.Barrier();
            return gated;
        }
        // V sees a new code every epoch, so its fields are recomputed first; W's inputs never change, so the fields
        // left by the previous epoch (or the start) are this epoch's gates.
        if (fieldsFirst)
        {
            MarginLayer.Fields(l, inputs, s.Transitions, fields, false, fields, 0, tid, size);
            Group.Barrier();
        }
        int open = MarginLayer.CountGates(fields, next, l.Rows, s.Transitions, s.Kappa, tid, size);
        MarginLayer.BatchUpdate(l, fields, inputs, next, s.Transitions, s.Kappa, s.Eta, bias, tid, size);
        Group.Barrier();
        if (!fieldsFirst)
        {
            MarginLayer.Fields(l, inputs, s.Transitions, fields, false, fields, 0, tid, size);
            Group.Barrier();
        }
        return open;
    }

    /// <summary>The minimum of one value per thread (thread 0 combines them in thread order; the result is order-free).</summary>
    private static double GroupMin(ArrayView<double> minima, double value, int tid, int size)
    {
        minima[tid] = value;
        Group.Barrier();
        double min = value;
        if (tid == 0)
            for (int i = 1; i < size; i++)
                min = MarginLayer.Min(min, minima[i]);
        Group.Barrier();
        return min;
    }
}
